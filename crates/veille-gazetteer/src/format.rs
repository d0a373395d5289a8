//! Byte layout of `gazetteer.bin`, shared by the writer ([`crate::build`]) and
//! the reader ([`crate::Gazetteer`]). All integers are little endian; nothing
//! needs alignment because every field is read with `from_le_bytes`.

/// First 8 bytes of every asset.
pub const MAGIC: &[u8; 8] = b"VEILLEGZ";
/// Bumped on any layout change; the reader refuses other versions.
pub const VERSION: u32 = 2;

/// Sections, in the order of the section table.
pub const SEC_META: usize = 0;
pub const SEC_PLACES: usize = 1;
pub const SEC_ADMINS: usize = 2;
pub const SEC_FCODES: usize = 3;
pub const SEC_COUNTRIES: usize = 4;
pub const SEC_POSTINGS: usize = 5;
pub const SEC_POOL: usize = 6;
pub const SEC_NAMES_FST: usize = 7;
pub const SEC_COUNTRY_FST: usize = 8;
pub const SEC_COUNTRY_KEYS: usize = 9;
pub const N_SECTIONS: usize = 10;

/// magic (8) + version (4) + section count (4) + (offset u64, length u64) per section.
pub const HEADER_LEN: usize = 16 + 16 * N_SECTIONS;

/// Place record:
/// geonames_id u32, latitude i32 (micro-degrees), longitude i32, population u32,
/// name u32 (pool offset), admin u32 (admin tuple index), feature code u16
/// (index into the feature-code table), feature class u8, reserved u8.
pub const PLACE_LEN: usize = 28;

/// Admin tuple, shared by every place with the same country and admin fields:
/// country code [u8; 2] (zeros when none), reserved [u8; 2], then pool offsets
/// of admin1 code, admin2 code, admin1 name, admin2 name, admin3 name.
pub const ADMIN_LEN: usize = 24;

/// Feature-code table entry: pool offset u32.
pub const FCODE_LEN: usize = 4;

/// Country record: code [u8; 2], iso3 [u8; 3], reserved u8, iso numeric u16,
/// reserved u16, name u32 (pool), French name u32 (pool), place index u32
/// (`NO_PLACE` when the country has no place), reserved u16.
pub const COUNTRY_LEN: usize = 24;

pub const NO_PLACE: u32 = u32::MAX;

/// Keys by country: a u32 count, then that many entries sorted by code (code
/// [u8; 2] as in the admin tuple, zeros for places of no country, reserved [u8; 2],
/// offset u32 and length u32 of a transducer within this section), then the
/// transducers: one per country code of some place, of every key naming a place of
/// that country, each with the value 0.
pub const COUNTRY_KEYS_ENTRY_LEN: usize = 12;

/// Scale of stored coordinates: micro-degrees keep GeoNames' 5 decimals exact.
pub const COORD_SCALE: f64 = 1_000_000.0;

/// An fst value with this bit set holds its single posting inline
/// (`place << 2 | kind`); otherwise it is a byte offset into the postings
/// section, where a u32 count is followed by that many `place << 2 | kind`.
pub const INLINE_BIT: u64 = 1 << 63;

/// Appends `value` as LEB128, the length prefix of pool strings.
pub fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads a LEB128 length at `pos`; `None` when it runs off the end or overflows.
pub fn get_varint(bytes: &[u8], mut pos: usize) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(pos)?;
        pos += 1;
        value |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some((value, pos));
        }
    }
    None
}

pub fn u16_at(bytes: &[u8], pos: usize) -> u16 {
    u16::from_le_bytes([bytes[pos], bytes[pos + 1]])
}

pub fn u32_at(bytes: &[u8], pos: usize) -> u32 {
    u32::from_le_bytes([bytes[pos], bytes[pos + 1], bytes[pos + 2], bytes[pos + 3]])
}

pub fn i32_at(bytes: &[u8], pos: usize) -> i32 {
    u32_at(bytes, pos) as i32
}

pub fn u64_at(bytes: &[u8], pos: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[pos..pos + 8]);
    u64::from_le_bytes(b)
}
