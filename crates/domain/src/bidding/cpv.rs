//! From CPV codes to skills: which skills of the vocabulary a tender asks
//! for, read from the Common Procurement Vocabulary codes its notice
//! carries (CPV 2008, Commission Regulation (EC) No 213/2008). The table
//! (`data/cpv-skills.tsv`) covers the divisions tech co-ops bid in: software
//! packages (48), IT services (72), research (73), business services with
//! marketing, design and printing (79), training (80) and film and video
//! (92), with the parents their codes roll up to.
//!
//! Codes match by prefix: a code's significant part is its digits without
//! the trailing zeros (at least the two of its division). A code takes the
//! entry of the most specific listed code it falls under, so 72413000 (web
//! site design) asks for web design, and 72590000 (not listed) for what
//! 72500000 (computer-related services) asks. Each entry's skills are
//! alternatives: a co-op showing any one of them shows it can do the work.

use std::sync::LazyLock;

use crate::validation::{FieldError, ValidationErrors};

/// The table, compiled in.
const DATA: &str = include_str!("../../data/cpv-skills.tsv");

/// One mapped code: the eight digits (without the check digit), the CPV
/// 2008 description, and the skills (vocabulary slugs) it asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CpvSkills {
    /// Eight digits, e.g. `72413000`.
    pub code: &'static str,
    /// The CPV description.
    pub description: &'static str,
    /// Canonical skill slugs, any one of which shows the capability.
    pub skills: Vec<&'static str>,
}

/// The shipped table, in code order.
pub static CPV_SKILLS: LazyLock<Vec<CpvSkills>> = LazyLock::new(|| {
    DATA.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let (code, description, skills) = (fields.next()?, fields.next()?, fields.next()?);
            Some(CpvSkills {
                code,
                description,
                skills: skills.split(',').filter(|s| !s.is_empty()).collect(),
            })
        })
        .collect()
});

/// The entry of the most specific listed code `code` (eight digits) falls under.
pub fn cpv_entry(code: &str) -> Option<&'static CpvSkills> {
    CPV_SKILLS
        .iter()
        .filter(|entry| code.starts_with(significant(entry.code)))
        .max_by_key(|entry| significant(entry.code).len())
}

/// The entries `codes` (as publishers write them) fall under, each once, in
/// the order of the codes.
pub fn cpv_entries<'a>(codes: impl IntoIterator<Item = &'a str>) -> Vec<&'static CpvSkills> {
    let mut entries: Vec<&'static CpvSkills> = Vec::new();
    for code in codes.into_iter().filter_map(cpv_digits) {
        if let Some(entry) = cpv_entry(&code)
            && !entries.iter().any(|held| held.code == entry.code)
        {
            entries.push(entry);
        }
    }
    entries
}

/// The eight digits of a CPV code as publishers write it (`72413000-8`,
/// `72413000`, with spaces), or `None` if it is not one.
pub fn cpv_digits(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    let digits = trimmed.split('-').next().unwrap_or(trimmed).trim();
    (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_owned())
}

/// Eight digits as a person types them: optionally with the check digit
/// (`72413000-8`), nothing else. Publishers' data is read more leniently
/// ([`cpv_digits`]).
fn typed_cpv(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    let (digits, check) = match trimmed.split_once('-') {
        Some((digits, check)) => (digits, Some(check)),
        None => (trimmed, None),
    };
    let check_ok = check.is_none_or(|c| c.len() == 1 && c.bytes().all(|b| b.is_ascii_digit()));
    let digits_ok = digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit());
    (check_ok && digits_ok).then(|| digits.to_owned())
}

/// The CPV codes of `raw` as eight digits, each one that is not a problem
/// at `pointer/i`.
pub fn cpv_codes(raw: &[String], pointer: &str, errors: &mut ValidationErrors) -> Vec<String> {
    let mut codes = Vec::new();
    for (i, code) in raw.iter().enumerate() {
        match typed_cpv(code) {
            Some(code) => codes.push(code),
            None => errors.0.push(FieldError::new(
                format!("{pointer}/{i}"),
                "must be a CPV code: eight digits, optionally with its check digit (72413000-8)",
            )),
        }
    }
    codes
}

/// The significant part of eight CPV digits: without trailing zeros, at
/// least the division's two digits.
pub(crate) fn significant(code: &str) -> &str {
    let kept = code.trim_end_matches('0').len().max(2);
    &code[..kept.min(code.len())]
}

/// The skills `codes` ask for, each once: their entries' skills, in the
/// order of the codes.
pub fn skills_for_cpv<'a>(codes: impl IntoIterator<Item = &'a str>) -> Vec<&'static str> {
    let mut skills: Vec<&'static str> = Vec::new();
    for entry in cpv_entries(codes) {
        for skill in &entry.skills {
            if !skills.contains(skill) {
                skills.push(skill);
            }
        }
    }
    skills
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skills::SEED;

    #[test]
    fn typed_codes_are_eight_digits_and_at_most_a_check_digit() {
        let raw: Vec<String> = [
            "72413000",
            " 72413000-8\u{2003}",
            "72413000-8 *",
            "72413000-",
            "7241300",
        ]
        .map(String::from)
        .to_vec();
        let mut errors = ValidationErrors::default();
        assert_eq!(
            cpv_codes(&raw, "/cpv", &mut errors),
            ["72413000", "72413000"]
        );
        let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(pointers, ["/cpv/2", "/cpv/3", "/cpv/4"]);
        assert_eq!(
            cpv_digits("72413000-8 *").as_deref(),
            Some("72413000"),
            "publishers: lenient"
        );
    }

    #[test]
    fn a_code_asks_for_what_its_most_specific_listed_code_does() {
        assert_eq!(
            skills_for_cpv(["72413000-8"]),
            // Not hosting, though 72413000 sits under 72410000 (provider services).
            ["web-design", "web-development", "ux-design"]
        );
        assert_eq!(
            skills_for_cpv(["72000000"]),
            [
                "web-development",
                "app-development",
                "consultancy",
                "sysadmin"
            ]
        );
        assert_eq!(
            cpv_entry("72590000").map(|e| e.code),
            Some("72500000"),
            "an unlisted code reads as its parent"
        );
        assert_eq!(
            skills_for_cpv(["72262000", "72212783-3"]),
            ["app-development", "web-development", "wordpress", "drupal"]
        );
        assert_eq!(
            skills_for_cpv(["45000000-7", "nonsense", "7241300"]),
            Vec::<&str>::new()
        );
        assert_eq!(cpv_digits(" 79822500-7 ").as_deref(), Some("79822500"));
        assert_eq!(significant("72000000"), "72");
        assert_eq!(significant("79822500"), "798225");
    }

    #[test]
    fn the_table_names_only_skills_of_the_vocabulary() {
        assert!(CPV_SKILLS.len() > 100, "the table is read");
        for entry in CPV_SKILLS.iter() {
            assert!(cpv_digits(entry.code).is_some(), "{}", entry.code);
            assert!(!entry.skills.is_empty(), "{}", entry.code);
            for skill in &entry.skills {
                assert!(
                    SEED.iter().any(|s| s.slug == *skill),
                    "{} maps to unknown {skill}",
                    entry.code
                );
            }
        }
    }
}
