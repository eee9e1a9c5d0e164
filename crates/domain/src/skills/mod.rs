//! The skills vocabulary: every skill anywhere (a person's, a co-op's
//! technologies and services, a search filter) is reduced to one canonical
//! slug, so that "JS", "Javascript" and "JavaScript" are one skill.
//!
//! A skill name is first reduced to a *key* ([`skill_key`]): lower case, no
//! punctuation, no version suffix, no `.js`/`js` suffix. Keys are looked up
//! among the canonical names and aliases; a key nobody knows becomes a new
//! skill whose slug is [`slugify`] of the name.

mod categories;
mod seed;

use serde::{Deserialize, Serialize};

pub use categories::{SERVICE_CATEGORIES, service_category};
pub use seed::{SEED, SeedSkill};

/// A skill name's length, in characters.
pub const NAME_MAX: usize = 100;

/// A skill's level (and a person's interest in it): 1 (learning) to 5 (expert).
pub const LEVELS: std::ops::RangeInclusive<u8> = 1..=5;

/// What a level out of [`LEVELS`] is told.
pub(crate) fn levels_message() -> String {
    format!("must be from {} to {}", LEVELS.start(), LEVELS.end())
}

/// What kind of skill this is, for grouping and facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SkillCategory {
    /// Languages, frameworks, platforms, databases, tools.
    Technology,
    /// Things co-ops sell: design, development, hosting, research…
    Service,
    /// Ways of working: agile, accessibility, facilitation…
    Practice,
}

impl SkillCategory {
    /// The lower-case name, as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Technology => "technology",
            Self::Service => "service",
            Self::Practice => "practice",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "technology" => Some(Self::Technology),
            "service" => Some(Self::Service),
            "practice" => Some(Self::Practice),
            _ => None,
        }
    }
}

/// A canonical skill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skill {
    /// Canonical slug, e.g. `postgresql`.
    pub slug: String,
    /// Display name, e.g. `PostgreSQL`.
    pub name: String,
    /// Kind of skill.
    pub category: SkillCategory,
    /// ESCO concept URI, when one has been set.
    pub esco_uri: Option<String>,
}

/// A skill as someone typed it: non-blank, at most [`NAME_MAX`] characters, with a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillName {
    name: String,
    key: String,
}

impl SkillName {
    /// Checks `raw`; `pointer` names the field in error messages.
    pub fn parse(raw: &str, pointer: &str) -> Result<Self, crate::FieldError> {
        let name = raw.trim();
        if name.chars().count() > NAME_MAX {
            return Err(crate::FieldError::new(
                pointer,
                format!("must be at most {NAME_MAX} characters long"),
            ));
        }
        let key = skill_key(name);
        if key.is_empty() {
            return Err(crate::FieldError::new(
                pointer,
                "must contain letters or digits",
            ));
        }
        Ok(Self {
            name: strip_version(name).to_owned(),
            key,
        })
    }

    /// The name as typed, without a version suffix (used for a new skill's name).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The lookup key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The slug a new skill of this name gets.
    pub fn slug(&self) -> String {
        slugify(&self.name)
    }
}

/// The lookup key of a skill name: what two spellings of one skill share.
///
/// `"React.js"`, `"ReactJS"` and `"react"` → `react`; `"Django-3"` → `django`;
/// `"C++"` → `cpp`; `"C#"` → `csharp`; `"JS"` → `js`.
pub fn skill_key(raw: &str) -> String {
    let lowered = strip_version(raw.trim()).to_lowercase();
    let mut key = String::with_capacity(lowered.len());
    for c in lowered.chars() {
        match c {
            '+' => key.push('p'),
            '#' => key.push_str("sharp"),
            c if c.is_alphanumeric() => key.push(c),
            _ => {}
        }
    }
    match key.strip_suffix("js") {
        Some(stem) if !stem.is_empty() => stem.to_owned(),
        _ => key,
    }
}

/// `raw` without a trailing version such as `-2`, ` 3.1`, `-1-x` or ` v5`.
///
/// A version needs a separator before it, so `d3`, `s3` and `unity-3d` keep their digits.
fn strip_version(raw: &str) -> &str {
    let bytes = raw.as_bytes();
    let mut end = bytes.len();
    // Walk back over parts made of digits or a lone `x`, each preceded by a separator.
    loop {
        let part_start = raw[..end].rfind(['-', '_', ' ', '.']).map_or(0, |i| i + 1);
        let part = raw[part_start..end].trim_start_matches(['v', 'V']);
        let is_version = !part.is_empty()
            && part_start > 0
            && (part.bytes().all(|b| b.is_ascii_digit()) || part.eq_ignore_ascii_case("x"));
        if !is_version {
            break;
        }
        end = part_start - 1;
    }
    // A name that is nothing but a version (e.g. "3") stays as it is.
    if end == 0 { raw } else { raw[..end].trim_end() }
}

/// A URL-safe slug: lower case, words joined by `-`.
pub fn slugify(raw: &str) -> String {
    let mut slug = String::with_capacity(raw.len());
    for c in raw.trim().to_lowercase().chars() {
        match c {
            '+' => slug.push('p'),
            '#' => slug.push_str("sharp"),
            c if c.is_alphanumeric() => slug.push(c),
            _ if !slug.ends_with('-') && !slug.is_empty() => slug.push('-'),
            _ => {}
        }
    }
    slug.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_skill_share_a_key() {
        for (a, b) in [
            ("JS", "js"),
            ("React", "ReactJS"),
            ("React.js", "react"),
            ("Node.js", "node-js"),
            ("Vue.js", "vue-js"),
            ("django-2", "Django"),
            ("django-3", "django"),
            ("Python 3", "python"),
            ("angular-1-x", "Angular"),
            ("PostgreSQL", "postgresql"),
            ("Ruby on Rails", "ruby-on-rails"),
        ] {
            assert_eq!(skill_key(a), skill_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn digits_that_are_part_of_a_name_stay() {
        assert_eq!(skill_key("D3"), "d3");
        assert_eq!(skill_key("unity-3d"), "unity3d");
        assert_eq!(skill_key("AWS S3"), "awss3");
        assert_eq!(skill_key("3"), "3");
    }

    #[test]
    fn symbols_that_matter_are_spelled_out() {
        assert_eq!(skill_key("C++"), "cpp");
        assert_eq!(skill_key("C#"), "csharp");
        assert_ne!(skill_key("C"), skill_key("C++"));
    }

    #[test]
    fn skill_names_need_letters_or_digits() {
        assert!(SkillName::parse("!!!", "/skills/0/skill").is_err());
        assert!(SkillName::parse(&"a".repeat(101), "/x").is_err());
        let name = SkillName::parse(" Django-3 ", "/x").unwrap();
        assert_eq!(
            (name.name(), name.key(), name.slug().as_str()),
            ("Django", "django", "django")
        );
    }

    #[test]
    fn slugs_are_kebab_case() {
        assert_eq!(slugify("  Ruby on Rails "), "ruby-on-rails");
        assert_eq!(slugify("HTML & CSS"), "html-css");
        assert_eq!(slugify("C++"), "cpp");
        assert_eq!(slugify("web apps"), "web-apps");
    }
}
