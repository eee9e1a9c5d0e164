//! A place in what someone typed ("drupal sheffield", "hosting near
//! Manchester"): read out of the words, searched around rather than for.

use coophub_domain::places::{self, Place};
use coophub_search::query_words;

use super::views::UnderstoodPlace;

/// How far around a place named in `q` the search looks, in km.
pub const PLACE_RADIUS_KM: f64 = coophub_domain::geo::DEFAULT_RADIUS_KM;

/// Words that say "around" before a place, read with it.
const AROUND: &[&str] = &["near", "in", "around"];

/// `q` without the place it names (and a `near` or `in` before it), and the
/// place, with the words that named it. `is_skill` says a run of words is a
/// skill, which comes first ("bath" if a skill were called so).
pub fn read(
    q: &str,
    is_skill: &dyn Fn(&str) -> bool,
) -> (String, Option<(&'static Place, String)>) {
    let words = query_words(q);
    let Some((start, taken, place)) = places::named_in(&words, is_skill) else {
        return (q.to_owned(), None);
    };
    let from = match start.checked_sub(1) {
        Some(before) if AROUND.contains(&words[before].as_str()) => before,
        _ => start,
    };
    let named = words[from..start + taken].join(" ");
    let rest: Vec<&str> = words[..from]
        .iter()
        .chain(&words[start + taken..])
        .map(String::as_str)
        .collect();
    (rest.join(" "), Some((place, named)))
}

/// What the answer says of `place`, named by `words`; `radius_km` when the
/// search looked around it.
pub fn understood(place: &Place, words: String, radius_km: Option<f64>) -> UnderstoodPlace {
    UnderstoodPlace {
        words,
        name: place.name.clone(),
        latitude: place.latitude,
        longitude: place.longitude,
        radius_km,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_and_the_word_before_it_leave_the_query() {
        let never = |_: &str| false;
        let (q, place) = read("Hosting near Manchester", &never);
        assert_eq!(q, "hosting");
        let (place, words) = place.unwrap();
        assert_eq!(
            (place.name.as_str(), words.as_str()),
            ("Manchester", "near manchester")
        );
        assert_eq!(read("drupal sheffield", &never).0, "drupal");
        assert_eq!(
            read("drupal accessibility", &never).0,
            "drupal accessibility"
        );
        assert!(read("leeds", &never).0.is_empty());
    }
}
