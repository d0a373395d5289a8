//! Admin boundary polygons for point-in-polygon admin assignment (build time).

/// A polygon: its outer ring, then its holes, as (longitude, latitude).
pub type Polygon = Vec<Vec<(f64, f64)>>;

/// One admin unit's outline: polygons of rings (outer ring, then holes), in
/// (longitude, latitude) as GeoJSON writes them.
#[derive(Debug, Clone)]
pub struct AdminShape {
    pub admin1: String,
    pub admin2: String,
    pub admin3: String,
    polygons: Vec<Polygon>,
    bbox: (f64, f64, f64, f64),
}

impl AdminShape {
    pub fn new(admin1: String, admin2: String, admin3: String, polygons: Vec<Polygon>) -> AdminShape {
        let mut bbox = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in polygons.iter().flatten().flatten() {
            bbox.0 = bbox.0.min(x);
            bbox.1 = bbox.1.min(y);
            bbox.2 = bbox.2.max(x);
            bbox.3 = bbox.3.max(y);
        }
        AdminShape {
            admin1,
            admin2,
            admin3,
            polygons,
            bbox,
        }
    }

    /// Even-odd rule over all rings of each polygon, so holes (Niamey inside
    /// Tillabéri) are outside.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let (x0, y0, x1, y1) = self.bbox;
        if lon < x0 || lon > x1 || lat < y0 || lat > y1 {
            return false;
        }
        self.polygons.iter().any(|rings| {
            let mut inside = false;
            for ring in rings {
                let n = ring.len();
                if n < 3 {
                    continue;
                }
                let mut j = n - 1;
                for i in 0..n {
                    let (xi, yi) = ring[i];
                    let (xj, yj) = ring[j];
                    if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
                        inside = !inside;
                    }
                    j = i;
                }
            }
            inside
        })
    }

    /// Approximate distance in km from the point to the outline (equirectangular,
    /// good to a few percent at these scales), for snapping border points.
    pub fn distance_km(&self, lon: f64, lat: f64) -> f64 {
        let kx = 111.32 * lat.to_radians().cos();
        let ky = 110.57;
        let mut best = f64::MAX;
        for ring in self.polygons.iter().flatten() {
            for w in ring.windows(2) {
                let (ax, ay) = ((w[0].0 - lon) * kx, (w[0].1 - lat) * ky);
                let (bx, by) = ((w[1].0 - lon) * kx, (w[1].1 - lat) * ky);
                let (dx, dy) = (bx - ax, by - ay);
                let len2 = dx * dx + dy * dy;
                let t = if len2 == 0.0 {
                    0.0
                } else {
                    (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0)
                };
                let (px, py) = (ax + t * dx, ay + t * dy);
                best = best.min((px * px + py * py).sqrt());
            }
        }
        best
    }

    /// Whether the point is within `km` of the bounding box (cheap prefilter).
    pub fn near_bbox(&self, lon: f64, lat: f64, km: f64) -> bool {
        let deg = km / 100.0; // generous: 1° ≥ 100 km of latitude, and longitude shrinks
        let margin_x = deg / lat.to_radians().cos().max(0.1);
        let (x0, y0, x1, y1) = self.bbox;
        lon >= x0 - margin_x && lon <= x1 + margin_x && lat >= y0 - deg && lat <= y1 + deg
    }
}

/// Reads the rings of a GeoJSON Polygon or MultiPolygon geometry.
pub fn geometry_polygons(geometry: &serde_json::Value) -> Result<Vec<Polygon>, String> {
    let kind = geometry.get("type").and_then(|t| t.as_str()).unwrap_or("");
    let coords = geometry
        .get("coordinates")
        .ok_or_else(|| "geometry has no coordinates".to_string())?;
    let ring = |v: &serde_json::Value| -> Result<Vec<(f64, f64)>, String> {
        v.as_array()
            .ok_or("ring is not an array")?
            .iter()
            .map(|p| {
                let xy = p.as_array().filter(|a| a.len() >= 2).ok_or("bad position")?;
                match (xy[0].as_f64(), xy[1].as_f64()) {
                    (Some(x), Some(y)) => Ok((x, y)),
                    _ => Err("position is not numeric"),
                }
            })
            .collect::<Result<_, _>>()
            .map_err(str::to_string)
    };
    let polygon = |v: &serde_json::Value| -> Result<Polygon, String> {
        v.as_array()
            .ok_or_else(|| "polygon is not an array".to_string())?
            .iter()
            .map(ring)
            .collect()
    };
    match kind {
        "Polygon" => Ok(vec![polygon(coords)?]),
        "MultiPolygon" => coords
            .as_array()
            .ok_or_else(|| "multipolygon is not an array".to_string())?
            .iter()
            .map(polygon)
            .collect(),
        other => Err(format!("geometry type {other:?} is not Polygon or MultiPolygon")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_are_outside() {
        let outer = vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)];
        let hole = vec![(4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0), (4.0, 4.0)];
        let s = AdminShape::new("A".into(), "B".into(), String::new(), vec![vec![outer, hole]]);
        assert!(s.contains(1.0, 1.0));
        assert!(!s.contains(5.0, 5.0));
        assert!(!s.contains(11.0, 5.0));
        let d = s.distance_km(10.01, 5.0);
        assert!((d - 1.11).abs() < 0.05, "{d}");
    }
}
