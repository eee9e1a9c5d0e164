//! The UK gazetteer: towns and cities of 500 people or more with their
//! coordinates (`data/gb-places.tsv`, from GeoNames via `data/fetch-gb-places`),
//! so that a place can be named instead of given as latitude and longitude,
//! recognised in what someone typed ("drupal sheffield"), and used to place a
//! co-op by its town. Names are matched by their words, lower-cased, with
//! `-` and other punctuation as spaces, `'` dropped and `st` for `saint`.

mod postcodes;

pub use postcodes::post_town;

use std::collections::HashMap;
use std::sync::LazyLock;

/// The data, compiled in: nothing is read at run time.
const DATA: &str = include_str!("../../data/gb-places.tsv");

/// Places recognised in a query are towns of at least this many people:
/// smaller ones are too often a word of something else.
pub const QUERY_PLACE_POPULATION: u32 = 15_000;

/// Town names that are more often a word of a query than the town
/// ("hook", "march"): never read as places in a query (`near=` still takes them).
const NOT_IN_QUERIES: &[&str] = &[
    "barry",
    "bow",
    "bury",
    "deal",
    "fleet",
    "flint",
    "hale",
    "hook",
    "march",
    "nelson",
    "sale",
    "ware",
    "stanley",
    "shirley",
    "rugby",
    "washington",
    "wellington",
    "hamilton",
    "boston",
];

/// A town or city.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Its name, as GeoNames gives it.
    pub name: String,
    /// WGS 84 latitude.
    pub latitude: f64,
    /// WGS 84 longitude.
    pub longitude: f64,
    /// People living there (GeoNames' figure; 0 when unknown).
    pub population: u32,
}

struct Gazetteer {
    places: Vec<Place>,
    /// Each key to the most populous place it names.
    by_key: HashMap<String, usize>,
}

/// The words of `name` as a key: lower case, split at anything but a letter
/// or digit (an apostrophe joins), `saint` as `st`.
pub fn key(name: &str) -> String {
    name.to_lowercase()
        .replace(['\'', '’'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| if word == "saint" { "st" } else { word })
        .collect::<Vec<_>>()
        .join(" ")
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut places: Vec<Place> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for line in DATA.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [name, latitude, longitude, population, _nation, also] = fields[..] else {
            continue;
        };
        let (Ok(latitude), Ok(longitude)) = (latitude.parse(), longitude.parse()) else {
            continue;
        };
        let place = Place {
            name: name.to_owned(),
            latitude,
            longitude,
            population: population.parse().unwrap_or(0),
        };
        let at = places.len();
        for alias in std::iter::once(name).chain(also.split(';').filter(|a| !a.is_empty())) {
            let slot = by_key.entry(key(alias)).or_insert(at);
            if places
                .get(*slot)
                .is_some_and(|held| held.population < place.population)
            {
                *slot = at;
            }
        }
        places.push(place);
    }
    Gazetteer { places, by_key }
});

/// The place `name` names, the most populous if several do.
pub fn find(name: &str) -> Option<&'static Place> {
    let gazetteer = &*GAZETTEER;
    gazetteer
        .by_key
        .get(&key(name))
        .and_then(|at| gazetteer.places.get(*at))
}

/// The place an address part names as a publisher writes it: a postcode
/// (placed at its area's post town), a town, or either among its
/// comma-separated parts (`Town Hall, Sheffield`, `Sheffield S1 2HH`).
pub fn locate(text: &str) -> Option<&'static Place> {
    let whole = std::iter::once(text.trim());
    let parts = text.split(',').map(str::trim).filter(|p| !p.is_empty());
    whole.chain(parts).find_map(|part| {
        let words: Vec<&str> = part.split_whitespace().collect();
        let postcode = match words.len() {
            0 => None,
            n => post_town(&words[n.saturating_sub(2)..].join(""))
                .or_else(|| post_town(words[n - 1])),
        };
        postcode.and_then(find).or_else(|| find(part))
    })
}

/// A point as a person gives one: `latitude,longitude` in decimal degrees,
/// or the name of a UK town or city; the error says what is wrong.
pub fn point(text: &str) -> Result<(f64, f64), String> {
    use crate::geo::{LATITUDE_MAX, LONGITUDE_MAX};
    if let Some((lat, lon)) = text.split_once(',') {
        let (Ok(lat), Ok(lon)) = (lat.trim().parse::<f64>(), lon.trim().parse::<f64>()) else {
            return Err("must be `latitude,longitude` or the name of a UK town or city".into());
        };
        return if lat.abs() <= LATITUDE_MAX && lon.abs() <= LONGITUDE_MAX {
            Ok((lat, lon))
        } else {
            Err(format!(
                "latitude must be within ±{LATITUDE_MAX} and longitude within ±{LONGITUDE_MAX}"
            ))
        };
    }
    find(text)
        .map(|place| (place.latitude, place.longitude))
        .ok_or_else(|| {
            format!(
                "`{}` is not a UK town or city the hub knows; give `latitude,longitude` instead",
                text.trim()
            )
        })
}

/// The longest run of `words` (each already a lower-case word) that names a
/// town of at least [`QUERY_PLACE_POPULATION`] people, as `(first word,
/// words taken, place)`; the leftmost if several do. `is_other` says a run is
/// something else first (a skill), and so no place.
pub fn named_in(
    words: &[String],
    is_other: &dyn Fn(&str) -> bool,
) -> Option<(usize, usize, &'static Place)> {
    const LONGEST: usize = 5;
    for start in 0..words.len() {
        for taken in (1..=LONGEST.min(words.len() - start)).rev() {
            let run = words[start..start + taken].join(" ");
            if taken == 1 && NOT_IN_QUERIES.contains(&run.as_str()) {
                continue;
            }
            let Some(place) = find(&run) else { continue };
            if place.population >= QUERY_PLACE_POPULATION && !is_other(&run) {
                return Some((start, taken, place));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn towns_are_found_by_any_spelling_of_their_name() {
        let leeds = find("Leeds").unwrap();
        assert!((leeds.latitude - 53.796).abs() < 0.01 && (leeds.longitude + 1.548).abs() < 0.01);
        assert_eq!(find("newcastle").unwrap().name, "Newcastle upon Tyne");
        assert_eq!(
            find("Newcastle-upon-Tyne").unwrap().name,
            "Newcastle upon Tyne"
        );
        assert_eq!(find("HULL").unwrap().name, "Kingston upon Hull");
        assert_eq!(find("Kings Lynn").unwrap().name, "King's Lynn");
        assert_eq!(find("Saint Albans").unwrap().name, "St Albans");
        assert_eq!(find("Hebden Bridge").unwrap().name, "Hebden Bridge");
        assert!(find("Atlantis").is_none());
    }

    #[test]
    fn addresses_are_placed_by_postcode_or_town() {
        let name = |text: &str| locate(text).map(|p| p.name.as_str());
        assert_eq!(name("S1 2HH"), Some("Sheffield"));
        assert_eq!(
            name("Town Hall, Pinstone Street, Sheffield S1 2HH"),
            Some("Sheffield")
        );
        assert_eq!(name("Civic Hall, Leeds"), Some("Leeds"));
        assert_eq!(name("Kingston upon Hull"), Some("Kingston upon Hull"));
        assert_eq!(name("Nowhere Street"), None);
        assert_eq!(name(""), None);
    }

    #[test]
    fn a_point_is_coordinates_or_a_town() {
        assert_eq!(point("53.8, -1.55"), Ok((53.8, -1.55)));
        assert_eq!(point("leeds"), Ok((53.79648, -1.54785)));
        assert!(point("91,0").unwrap_err().contains("latitude"));
        assert!(point("Atlantis").unwrap_err().contains("not a UK town"));
        assert!(point("abc,def").is_err());
    }

    #[test]
    fn a_town_in_a_query_is_its_longest_run_of_words() {
        let none = |_: &str| false;
        let found = named_in(&words("hosting near newcastle upon tyne"), &none).unwrap();
        assert_eq!(
            (found.0, found.1, found.2.name.as_str()),
            (2, 3, "Newcastle upon Tyne")
        );
        assert_eq!(named_in(&words("drupal sheffield"), &none).unwrap().0, 1);
        assert!(
            named_in(&words("hook march sale"), &none).is_none(),
            "words first"
        );
        assert!(
            named_in(&words("hebden bridge"), &none).is_none(),
            "too small to guess"
        );
        assert!(
            named_in(&words("bath"), &|w| w == "bath").is_none(),
            "a skill first"
        );
    }
}
