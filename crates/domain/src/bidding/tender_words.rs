//! What a tender's own words ask for. Buyers file software under whatever
//! CPV code the budget sits in (a parking contract's back-office system is
//! coded as parking enforcement), so the title, description and lots are
//! read too: the phrases procurement notices use for the work tech co-ops
//! do, and the vocabulary's own names (`Drupal`, `user research`), each
//! mapped to the skills it implies.
//!
//! Words are compared lower-cased, split at anything but a letter or digit,
//! with a plural `s` dropped (`systems` is `system`); a phrase matches its
//! words in a row. Single words that are more often something else in a
//! notice ("rust", "unity", "express", "development") are never read as
//! skills on their own.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::skills::{SEED, SkillCategory};

/// Phrases of procurement notices and the skills they imply, singular; as
/// in the CPV table, any one of a phrase's skills shows the capability
/// (the vocabulary has no "software development" of its own: web and app
/// development are how co-ops name it).
const PHRASES: &[(&str, &[&str])] = &[
    ("software", &["web-development", "app-development"]),
    ("bespoke software", &["web-development", "app-development"]),
    (
        "software development",
        &["web-development", "app-development"],
    ),
    (
        "software solution",
        &["app-development", "business-systems"],
    ),
    (
        "application development",
        &["web-development", "app-development"],
    ),
    ("mobile app", &["app-development"]),
    ("mobile application", &["app-development"]),
    ("smartphone app", &["app-development"]),
    ("app", &["app-development"]),
    ("back office system", &["business-systems"]),
    ("case management system", &["business-systems"]),
    ("management system", &["business-systems"]),
    ("information system", &["business-systems"]),
    ("it system", &["business-systems"]),
    ("crm", &["business-systems"]),
    ("customer relationship management", &["business-systems"]),
    ("erp", &["business-systems"]),
    ("website", &["web-development"]),
    ("web site", &["web-development"]),
    ("web portal", &["web-development"]),
    ("portal", &["web-development"]),
    ("customer portal", &["web-development"]),
    ("online portal", &["web-development"]),
    ("intranet", &["web-development"]),
    ("extranet", &["web-development"]),
    ("web application", &["web-development"]),
    ("online service", &["web-development"]),
    ("online platform", &["web-development"]),
    ("digital platform", &["web-development"]),
    ("digital service", &["web-development", "service-design"]),
    ("website design", &["web-design"]),
    ("web design", &["web-design"]),
    ("user research", &["user-research"]),
    ("user need", &["user-research"]),
    ("usability", &["user-testing"]),
    ("user testing", &["user-testing"]),
    ("user experience", &["ux-design"]),
    ("user interface", &["ux-design"]),
    ("service design", &["service-design"]),
    ("discovery phase", &["discovery"]),
    ("discovery project", &["discovery"]),
    ("alpha phase", &["prototyping"]),
    ("prototype", &["prototyping"]),
    ("accessibility", &["accessibility"]),
    ("wcag", &["accessibility"]),
    ("hosting", &["hosting"]),
    ("cloud hosting", &["hosting"]),
    ("cloud", &["hosting"]),
    ("cyber security", &["it-security"]),
    ("cybersecurity", &["it-security"]),
    ("information security", &["it-security"]),
    ("penetration testing", &["it-security"]),
    ("data analysis", &["data-science"]),
    ("data analytics", &["data-science", "analytics"]),
    ("data science", &["data-science"]),
    ("dashboard", &["data-visualisation"]),
    ("data visualisation", &["data-visualisation"]),
    ("data visualization", &["data-visualisation"]),
    ("database", &["database-solutions"]),
    ("data platform", &["database-solutions"]),
    ("data migration", &["complex-data-integrations"]),
    ("data integration", &["complex-data-integrations"]),
    ("system integration", &["complex-data-integrations"]),
    ("api", &["complex-data-integrations"]),
    ("open data", &["data-standards"]),
    ("e learning", &["learning-platforms"]),
    ("elearning", &["learning-platforms"]),
    ("online learning", &["learning-platforms"]),
    ("learning management system", &["learning-platforms"]),
    ("virtual learning environment", &["learning-platforms"]),
    ("lms", &["learning-platforms"]),
    ("training", &["training"]),
    ("video", &["film"]),
    ("video production", &["film"]),
    ("film", &["film"]),
    ("animation", &["animation"]),
    ("graphic design", &["graphic-design"]),
    ("design and print", &["graphic-design", "printing"]),
    ("printing", &["printing"]),
    ("branding", &["branding"]),
    ("brand identity", &["branding"]),
    ("marketing", &["marketing"]),
    ("social media", &["marketing"]),
    ("communications campaign", &["marketing"]),
    ("copywriting", &["copywriting"]),
    ("translation", &["copywriting"]),
    ("search engine optimisation", &["seo"]),
    ("seo", &["seo"]),
    ("research", &["research"]),
    ("evaluation", &["research"]),
    ("consultation", &["workshop-facilitation"]),
    ("workshop", &["workshop-facilitation"]),
    ("co design", &["design-thinking"]),
    ("codesign", &["design-thinking"]),
    ("community engagement", &["community-building"]),
    ("open source", &["open-source"]),
    ("machine learning", &["machine-learning"]),
    ("artificial intelligence", &["machine-learning"]),
    ("chatbot", &["machine-learning"]),
    ("gis", &["openstreetmap"]),
    ("geographic information system", &["openstreetmap"]),
    ("geolocation", &["openstreetmap"]),
    ("geospatial", &["openstreetmap"]),
    ("mapping", &["openstreetmap"]),
    ("e commerce", &["ecommerce"]),
    ("ecommerce", &["ecommerce"]),
    ("online shop", &["ecommerce"]),
    ("online payment", &["ecommerce"]),
    ("project management", &["project-management"]),
    ("agile", &["agile"]),
    ("technical support", &["sysadmin"]),
    ("it support", &["sysadmin"]),
    ("support and maintenance", &["sysadmin"]),
    ("devops", &["devops"]),
    ("data protection", &["gdpr"]),
    ("gdpr", &["gdpr"]),
    ("digital strategy", &["strategy"]),
    ("digital transformation", &["strategy"]),
    ("consultancy", &["consultancy"]),
];

/// Names of the vocabulary that are more often an ordinary word of a notice.
const AMBIGUOUS: &[&str] = &[
    "ai",
    "apache",
    "apps",
    "ar",
    "blender",
    "c",
    "dart",
    "development",
    "discourse",
    "elm",
    "email",
    "express",
    "flutter",
    "games",
    "ghost",
    "go",
    "illustrator",
    "ionic",
    "julia",
    "lua",
    "mailing",
    "mailman",
    "maya",
    "ml",
    "oracle",
    "print",
    "r",
    "research",
    "ruby",
    "rust",
    "sketch",
    "spring",
    "swift",
    "tableau",
    "ui",
    "unity",
    "unreal",
    "ux",
    "video",
    "vr",
    "web",
    "xr",
    "security",
    "networking",
    "domains",
    "strategy",
    "discovery",
    "ideation",
    "mentoring",
    "preps",
    "trac",
    "net",
    "otp",
    "phoenix",
    "heidelberg",
    "mumble",
    "flask",
];

/// A skill a tender's words ask for, and the phrase that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Canonical skill slug.
    pub skill: &'static str,
    /// The phrase found, as the table or vocabulary writes it.
    pub phrase: &'static str,
}

/// A word as notices and phrases are compared: lower case, a plural `s`
/// dropped (not from `-ss`, `-us` or `-is`).
fn normal(word: &str) -> String {
    let lower = word.to_lowercase();
    let plural = lower.len() > 3
        && lower.ends_with('s')
        && !["ss", "us", "is"].iter().any(|end| lower.ends_with(end));
    if plural {
        lower[..lower.len() - 1].to_owned()
    } else {
        lower
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(normal)
        .collect()
}

/// A phrase's words after its first, the phrase and its skills.
type Continuation = (Vec<String>, &'static str, &'static [&'static str]);

/// Every phrase by its first word: the table's, then the vocabulary's names
/// and aliases (technologies' and many-word ones; never an ambiguous word
/// alone: the table says where such a word does mean the skill).
static BY_FIRST_WORD: LazyLock<HashMap<String, Vec<Continuation>>> = LazyLock::new(|| {
    let mut by_first: HashMap<String, Vec<Continuation>> = HashMap::new();
    let mut add = |phrase: &'static str, skills: &'static [&'static str], checked: bool| {
        let mut split = words(phrase);
        let ambiguous = split.len() == 1 && AMBIGUOUS.contains(&split[0].as_str());
        if split.is_empty() || (!checked && ambiguous) {
            return;
        }
        let first = split.remove(0);
        by_first
            .entry(first)
            .or_default()
            .push((split, phrase, skills));
    };
    for (phrase, skills) in PHRASES {
        add(phrase, skills, true);
    }
    for seed in SEED {
        let skills: &'static [&'static str] = std::slice::from_ref(&seed.slug);
        let technology = seed.category == SkillCategory::Technology;
        for name in std::iter::once(seed.name).chain(seed.aliases.iter().copied()) {
            let many_words = name.contains(' ');
            if many_words || (technology && name.len() >= 3) || name == seed.name {
                add(name, skills, false);
            }
        }
    }
    // Longest phrases first, so "back office system" is found before "system".
    for continuations in by_first.values_mut() {
        continuations.sort_by_key(|(rest, ..)| std::cmp::Reverse(rest.len()));
    }
    by_first
});

/// The skills `text` asks for, each once, in the order the text first names
/// them, with the phrase that named it. Words a longer phrase took are not
/// read again ("user research" is not also "research").
pub fn skills_in_words(text: &str) -> Vec<Mention> {
    let words = words(text);
    let mut found: Vec<Mention> = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let continuations = BY_FIRST_WORD.get(&words[at]).map_or(&[][..], Vec::as_slice);
        let follows = |rest: &[String]| {
            words
                .get(at + 1..at + 1 + rest.len())
                .is_some_and(|next| next == rest)
        };
        // Longest first: every phrase of the longest length that matches.
        let Some(taken) = continuations
            .iter()
            .find(|(rest, ..)| follows(rest))
            .map(|(rest, ..)| rest.len())
        else {
            at += 1;
            continue;
        };
        for (_, phrase, skills) in continuations
            .iter()
            .filter(|(rest, ..)| rest.len() == taken && follows(rest))
        {
            for skill in *skills {
                if !found.iter().any(|m| m.skill == *skill) {
                    found.push(Mention { skill, phrase });
                }
            }
        }
        at += 1 + taken;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skills(text: &str) -> Vec<&'static str> {
        skills_in_words(text).into_iter().map(|m| m.skill).collect()
    }

    #[test]
    fn a_software_tender_under_another_code_still_asks_for_software() {
        let found = skills_in_words(
            "Civil Parking Enforcement Back Office System. The council seeks a \
             back-office software system with geolocation, letter-writing \
             software and a customer portal.",
        );
        let named: Vec<(&str, &str)> = found.iter().map(|m| (m.skill, m.phrase)).collect();
        assert_eq!(
            named,
            [
                ("business-systems", "back office system"),
                ("web-development", "software"),
                ("app-development", "software"),
                ("openstreetmap", "geolocation"),
            ]
        );
    }

    #[test]
    fn vocabulary_names_count_and_ambiguous_words_do_not() {
        assert_eq!(
            skills("Migrating our Drupal sites and the Moodle VLE"),
            ["drupal", "moodle"]
        );
        assert!(
            skills("Rust treatment of the bridge; express delivery; community unity").is_empty()
        );
        assert_eq!(
            skills("Websites and user research"),
            ["web-development", "user-research"]
        );
        assert!(skills("Grounds maintenance and grass cutting").is_empty());
    }

    #[test]
    fn every_skill_named_is_in_the_vocabulary() {
        for (phrase, skills) in PHRASES {
            for skill in *skills {
                assert!(SEED.iter().any(|s| s.slug == *skill), "{phrase}: {skill}");
            }
        }
    }
}
