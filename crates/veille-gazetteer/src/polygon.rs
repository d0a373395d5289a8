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

    /// A point inside the outline, near the centroid of its largest part:
    /// (latitude, longitude). Used to locate admin units no dump places.
    pub fn point_on_surface(&self) -> (f64, f64) {
        let largest = self
            .polygons
            .iter()
            .filter(|p| !p.is_empty())
            .max_by(|a, b| ring_area_centroid(&a[0]).0.total_cmp(&ring_area_centroid(&b[0]).0));
        let Some(polygon) = largest else {
            return ((self.bbox.1 + self.bbox.3) / 2.0, (self.bbox.0 + self.bbox.2) / 2.0);
        };
        let (_, (cx, cy)) = ring_area_centroid(&polygon[0]);
        if self.contains(cx, cy) {
            return (cy, cx);
        }
        // Concave outline: the middle of the widest inside stretch of the
        // centroid's parallel.
        let mut xs: Vec<f64> = Vec::new();
        for ring in polygon {
            for w in ring.windows(2) {
                let ((x0, y0), (x1, y1)) = (w[0], w[1]);
                if (y0 > cy) != (y1 > cy) {
                    xs.push(x0 + (cy - y0) * (x1 - x0) / (y1 - y0));
                }
            }
        }
        xs.sort_by(f64::total_cmp);
        let best = xs
            .chunks_exact(2)
            .max_by(|a, b| (a[1] - a[0]).total_cmp(&(b[1] - b[0])));
        match best {
            Some(pair) => (cy, (pair[0] + pair[1]) / 2.0),
            None => (cy, cx),
        }
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

/// Planar area (absolute) and centroid of a ring, in degrees.
fn ring_area_centroid(ring: &[(f64, f64)]) -> (f64, (f64, f64)) {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in ring.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if a == 0.0 {
        let (x, y) = ring.first().copied().unwrap_or((0.0, 0.0));
        return (0.0, (x, y));
    }
    ((a / 2.0).abs(), (cx / (3.0 * a), cy / (3.0 * a)))
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
        let (lat, lon) = s.point_on_surface();
        assert!(s.contains(lon, lat), "{lat} {lon}");
        let d = s.distance_km(10.01, 5.0);
        assert!((d - 1.11).abs() < 0.05, "{d}");
    }
}
