//! Distances between places given as WGS 84 latitude and longitude.

/// The widest radius a search around a point takes, in km (about half the
/// Earth's circumference).
pub const MAX_RADIUS_KM: f64 = 20_000.0;
/// The radius around a point when none is given, and around a town named
/// in a query, in km.
pub const DEFAULT_RADIUS_KM: f64 = 50.0;

/// `km` if it is a radius a search takes (more than 0, at most
/// [`MAX_RADIUS_KM`]); the error says the rule.
pub fn radius_km(km: f64) -> Result<f64, String> {
    if km > 0.0 && km <= MAX_RADIUS_KM {
        Ok(km)
    } else {
        Err(format!("must be more than 0 and at most {MAX_RADIUS_KM}"))
    }
}

/// Great-circle distance in km (the haversine formula, on a sphere of the
/// Earth's mean radius): close enough for "within 30 km" and for ordering.
pub fn distance_km(from: (f64, f64), to: (f64, f64)) -> f64 {
    let centre = Centre::new(from);
    Centre::km(centre.haversine(to))
}

/// A point distances are measured from, many times: [`distance_km`] in two
/// steps, so that a point clearly beyond a radius is known without the
/// second (an arc tangent).
#[derive(Debug, Clone, Copy)]
pub struct Centre {
    latitude: f64,
    longitude: f64,
    cos_latitude: f64,
}

impl Centre {
    /// Measuring from `(latitude, longitude)`.
    pub fn new((latitude, longitude): (f64, f64)) -> Self {
        Self {
            latitude,
            longitude,
            cos_latitude: latitude.to_radians().cos(),
        }
    }

    /// The haversine of the angle to `(latitude, longitude)`: 0 here, 1 at
    /// the antipode, larger the farther.
    pub fn haversine(&self, (latitude, longitude): (f64, f64)) -> f64 {
        let dp = (latitude - self.latitude).to_radians();
        let dl = (longitude - self.longitude).to_radians();
        (dp / 2.0).sin().powi(2)
            + self.cos_latitude * latitude.to_radians().cos() * (dl / 2.0).sin().powi(2)
    }

    /// The distance in km of a [`Centre::haversine`].
    pub fn km(haversine: f64) -> f64 {
        EARTH_KM * 2.0 * haversine.sqrt().atan2((1.0 - haversine).sqrt())
    }

    /// A haversine beyond which every point is farther than `radius_km`
    /// (with room for rounding: nearer it, measure).
    pub fn haversine_beyond(radius_km: f64) -> f64 {
        let half_angle = (radius_km / EARTH_KM / 2.0).min(std::f64::consts::FRAC_PI_2);
        half_angle.sin().powi(2) * (1.0 + 1e-9) + 1e-12
    }
}

/// The sphere's radius [`distance_km`] uses.
const EARTH_KM: f64 = 6371.0;

/// Latitudes run from minus this to this, in degrees.
pub const LATITUDE_MAX: f64 = 90.0;
/// Longitudes run from minus this to this, in degrees.
pub const LONGITUDE_MAX: f64 = 180.0;

/// Latitudes and longitudes (degrees) that hold every point within
/// `radius_km` of `centre`: a search filters on these cheap ranges before it
/// computes any distance. The longitudes are `None` when the circle reaches a
/// pole or crosses the 180th meridian (then every longitude may be in it).
/// The box is the circle's exact extent (J. P. Matuschek's bounding
/// coordinates on a sphere), widened by a hair for rounding.
pub fn bounding_box((lat, lon): (f64, f64), radius_km: f64) -> BoundingBox {
    let slack = 1e-9;
    let angle = radius_km / EARTH_KM * (1.0 + slack) + slack;
    let (phi, reach) = (lat.to_radians(), angle.to_degrees());
    let latitudes = (lat - reach, lat + reach);
    let longitudes = (latitudes.0 > -90.0 && latitudes.1 < 90.0)
        .then(|| (angle.sin() / phi.cos()).asin().to_degrees())
        .map(|spread| (lon - spread, lon + spread))
        .filter(|(west, east)| *west >= -180.0 && *east <= 180.0);
    BoundingBox {
        latitudes,
        longitudes,
    }
}

/// See [`bounding_box`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    /// Southernmost and northernmost latitude.
    pub latitudes: (f64, f64),
    /// Westernmost and easternmost longitude, when they bound the circle.
    pub longitudes: Option<(f64, f64)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_beyond_a_radius_by_its_haversine_is_beyond_it_in_km() {
        let leeds = Centre::new((53.80, -1.55));
        for radius in [0.5, 10.0, 50.0, 400.0, 20_000.0] {
            let beyond = Centre::haversine_beyond(radius);
            for step in 0..200 {
                let at = (
                    53.80 + f64::from(step) * 0.05 - 5.0,
                    -1.55 + f64::from(step) * 0.9 - 90.0,
                );
                let haversine = leeds.haversine(at);
                assert_eq!(Centre::km(haversine), distance_km((53.80, -1.55), at));
                if haversine > beyond {
                    assert!(distance_km((53.80, -1.55), at) > radius, "{at:?} {radius}");
                }
            }
        }
    }

    #[test]
    fn leeds_to_york_is_about_thirty_km() {
        let km = distance_km((53.80, -1.55), (53.96, -1.08));
        assert!((30.0..36.0).contains(&km), "{km}");
        assert_eq!(distance_km((51.5, -0.1), (51.5, -0.1)), 0.0);
    }

    #[test]
    fn the_bounding_box_holds_every_point_of_the_circle_and_little_more() {
        for (centre, radius) in [
            ((53.8, -1.55), 30.0),
            ((-33.9, 151.2), 5.0),
            ((0.0, 0.0), 500.0),
        ] {
            let b = bounding_box(centre, radius);
            let (west, east) = b.longitudes.unwrap();
            // Walk the circle's edge (just inside) in every direction.
            for step in 0..3600 {
                let bearing = f64::from(step).to_radians() / 10.0;
                let (phi, lambda) = (centre.0.to_radians(), centre.1.to_radians());
                let d = radius * 0.999_999 / EARTH_KM;
                let lat = (phi.sin() * d.cos() + phi.cos() * d.sin() * bearing.cos()).asin();
                let lon = lambda
                    + (bearing.sin() * d.sin() * phi.cos()).atan2(d.cos() - phi.sin() * lat.sin());
                let (lat, lon) = (lat.to_degrees(), lon.to_degrees());
                assert!(distance_km(centre, (lat, lon)) <= radius);
                assert!(
                    (b.latitudes.0..=b.latitudes.1).contains(&lat),
                    "{centre:?} {lat}"
                );
                assert!((west..=east).contains(&lon), "{centre:?} {lon}");
            }
            // Not much more: the corners are outside the circle, the edges' middles on it.
            assert!(distance_km(centre, (b.latitudes.1, east)) > radius);
            assert!(distance_km(centre, (b.latitudes.1, centre.1)) < radius * 1.001);
        }
    }

    #[test]
    fn near_a_pole_or_the_antimeridian_longitudes_are_not_bounded() {
        assert_eq!(bounding_box((89.9, 0.0), 50.0).longitudes, None);
        assert_eq!(bounding_box((10.0, 179.9), 50.0).longitudes, None);
        assert!(bounding_box((10.0, 179.0), 50.0).longitudes.is_some());
    }
}
