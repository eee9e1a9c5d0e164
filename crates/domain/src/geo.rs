//! Distances between places given as WGS 84 latitude and longitude.

/// Great-circle distance in km (the haversine formula, on a sphere of the
/// Earth's mean radius): close enough for "within 30 km" and for ordering.
pub fn distance_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().atan2((1.0 - a).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leeds_to_york_is_about_thirty_km() {
        let km = distance_km((53.80, -1.55), (53.96, -1.08));
        assert!((30.0..36.0).contains(&km), "{km}");
        assert_eq!(distance_km((51.5, -0.1), (51.5, -0.1)), 0.0);
    }
}
