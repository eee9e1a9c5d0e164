//! From CPV codes to skills: which skills of the vocabulary a tender needs,
//! read from the Common Procurement Vocabulary codes its notice carries
//! (CPV 2008, Commission Regulation (EC) No 213/2008). Only the parts of the
//! hierarchy our network works in are mapped: software packages (division
//! 48), IT services (72), research and marketing (79.3), printing and design
//! (79.8), training (80.5), film and video (92.1) and design and management
//! consultancy (79.4).
//!
//! Codes match by prefix: a code's significant part is its digits without the
//! trailing zeros (at least the two of its division), so a notice coded
//! 72413000 (web site design) gets what 72413000, 72410000 (provider
//! services), 72400000 (Internet services) and 72000000 (IT services) each
//! imply.

use crate::validation::{FieldError, ValidationErrors};

/// One mapped code: the eight digits (without the check digit), the CPV
/// 2008 description, and the skills (vocabulary slugs) it implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CpvSkills {
    /// Eight digits, e.g. `72413000`.
    pub code: &'static str,
    /// The CPV description.
    pub description: &'static str,
    /// Canonical skill slugs.
    pub skills: &'static [&'static str],
}

const fn cpv(
    code: &'static str,
    description: &'static str,
    skills: &'static [&'static str],
) -> CpvSkills {
    CpvSkills {
        code,
        description,
        skills,
    }
}

/// The shipped table, most general codes first within each division.
pub const CPV_SKILLS: &[CpvSkills] = &[
    cpv(
        "48000000",
        "Software package and information systems",
        &["app-development"],
    ),
    cpv(
        "48190000",
        "Educational software package",
        &["learning-platforms"],
    ),
    cpv(
        "48200000",
        "Networking, Internet and intranet software package",
        &["web-development"],
    ),
    cpv(
        "48300000",
        "Document creation, drawing, imaging, scheduling and productivity software package",
        &["document-repositories"],
    ),
    cpv(
        "48400000",
        "Business transaction and personal business software package",
        &["business-systems"],
    ),
    cpv(
        "48600000",
        "Database and operating software package",
        &["database-solutions"],
    ),
    cpv("48730000", "Security software package", &["it-security"]),
    cpv(
        "48800000",
        "Information systems and servers",
        &["hosting", "sysadmin"],
    ),
    cpv(
        "72000000",
        "IT services: consulting, software development, Internet and support",
        &["consultancy"],
    ),
    cpv(
        "72200000",
        "Software programming and consultancy services",
        &["app-development"],
    ),
    cpv(
        "72220000",
        "Systems and technical consultancy services",
        &["business-analysis"],
    ),
    cpv(
        "72224000",
        "Project management consultancy services",
        &["project-management"],
    ),
    cpv(
        "72230000",
        "Custom software development services",
        &["app-development"],
    ),
    cpv(
        "72240000",
        "Systems analysis and programming services",
        &["business-analysis"],
    ),
    cpv("72250000", "System and support services", &["sysadmin"]),
    cpv("72300000", "Data services", &["database-solutions"]),
    cpv(
        "72310000",
        "Data-processing services",
        &["complex-data-integrations"],
    ),
    cpv(
        "72316000",
        "Data analysis services",
        &["data-science", "analytics"],
    ),
    cpv("72400000", "Internet services", &["web-development"]),
    cpv("72410000", "Provider services", &["hosting"]),
    cpv(
        "72413000",
        "World wide web (www) site design services",
        &["web-design", "ux-design"],
    ),
    cpv(
        "72415000",
        "World wide web (www) site operation host services",
        &["hosting"],
    ),
    cpv("72500000", "Computer-related services", &["sysadmin"]),
    cpv("72700000", "Computer network services", &["sysadmin"]),
    cpv(
        "72800000",
        "Computer audit and testing services",
        &["test-automation"],
    ),
    cpv("72810000", "Computer audit services", &["it-security"]),
    cpv(
        "79300000",
        "Market and economic research; polling and statistics",
        &["research"],
    ),
    cpv("79310000", "Market research services", &["user-research"]),
    cpv(
        "79340000",
        "Advertising and marketing services",
        &["marketing"],
    ),
    cpv(
        "79411000",
        "General management consultancy services",
        &["consultancy", "strategy"],
    ),
    cpv(
        "79415200",
        "Design consultancy services",
        &["service-design", "ux-design"],
    ),
    cpv("79800000", "Printing and related services", &["printing"]),
    cpv("79822500", "Graphic design services", &["graphic-design"]),
    cpv("80500000", "Training services", &["training"]),
    cpv(
        "80533000",
        "Computer-user familiarisation and training services",
        &["training"],
    ),
    cpv("92100000", "Motion picture and video services", &["film"]),
];

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

/// The skills `codes` imply, each once, in the table's order.
pub fn skills_for_cpv<'a>(codes: impl IntoIterator<Item = &'a str>) -> Vec<&'static str> {
    let codes: Vec<String> = codes.into_iter().filter_map(cpv_digits).collect();
    let mut skills: Vec<&'static str> = Vec::new();
    for entry in CPV_SKILLS {
        if codes
            .iter()
            .any(|code| code.starts_with(significant(entry.code)))
        {
            for skill in entry.skills {
                if !skills.contains(skill) {
                    skills.push(skill);
                }
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
    fn codes_imply_the_skills_of_every_code_above_them() {
        assert_eq!(
            skills_for_cpv(["72413000-8"]),
            // 72413000 sits under 72410000 (provider services) in the hierarchy.
            [
                "consultancy",
                "web-development",
                "hosting",
                "web-design",
                "ux-design"
            ]
        );
        assert_eq!(skills_for_cpv(["72000000"]), ["consultancy"]);
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
        for entry in CPV_SKILLS {
            assert!(cpv_digits(entry.code).is_some(), "{}", entry.code);
            for skill in entry.skills {
                assert!(
                    SEED.iter().any(|s| s.slug == *skill),
                    "{} maps to unknown {skill}",
                    entry.code
                );
            }
        }
    }
}
