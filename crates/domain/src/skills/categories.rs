//! The CoTech site's service categories (its 2025 list, and the labels its
//! case studies use) as skills of the vocabulary. A category names several
//! skills at once ("UX Research & Design" is user research and UX design),
//! so it expands rather than aliasing one skill; without this, a case study
//! filed under a category is evidence of no skill a co-op or a role lists.

/// Each category label, as the directory writes it, and the canonical
/// skills (see [`super::seed::SEED`]) it stands for.
pub const SERVICE_CATEGORIES: &[(&str, &[&str])] = &[
    // The labels of the directory's case studies.
    ("UX Research & Design", &["user-research", "ux-design"]),
    ("Branding & Creative Content", &["branding", "copywriting"]),
    ("Web Development", &["web-development"]),
    (
        "Discovery & Design Sprint",
        &["discovery", "design-thinking"],
    ),
    ("Digital Marketing & SEO", &["marketing", "seo"]),
    ("Analytics & Performance Insights", &["analytics"]),
    (
        "Co-op & Organisational Development",
        &["co-operative-governance"],
    ),
    ("Content Strategy", &["strategy", "copywriting"]),
    ("App Development", &["app-development"]),
    ("Complex Data Integration", &["complex-data-integrations"]),
    ("CRM Solution", &["business-systems"]),
    // The site's 2025 categories and their items.
    (
        "Digital products & platforms",
        &["web-development", "app-development"],
    ),
    (
        "Websites & web apps (WordPress, Drupal, Webflow, custom)",
        &["web-development", "wordpress", "drupal", "webflow"],
    ),
    (
        "CMS / CRM design and development",
        &["web-development", "business-systems"],
    ),
    ("E-commerce", &["ecommerce"]),
    ("Complex data integrations", &["complex-data-integrations"]),
    ("Learning platforms", &["learning-platforms"]),
    ("Custom AI applications", &["machine-learning"]),
    ("Data visualisation", &["data-visualisation"]),
    ("Cloud hosting", &["hosting"]),
    ("Design & content", &["graphic-design", "copywriting"]),
    (
        "User research & testing",
        &["user-research", "user-testing"],
    ),
    (
        "Design sprints & discovery",
        &["discovery", "design-thinking"],
    ),
    (
        "Accessibility & usability training",
        &["accessibility", "training"],
    ),
    ("Branding & graphic design", &["branding", "graphic-design"]),
    ("Film & animation", &["film", "animation"]),
    ("Game design", &["game-design"]),
    ("Print production", &["printing"]),
    ("Marketing & comms", &["marketing"]),
    ("Digital strategy & campaigns", &["strategy", "marketing"]),
    ("Copywriting", &["copywriting"]),
    ("Social media marketing", &["marketing"]),
    ("Search engine optimisation (SEO)", &["seo"]),
    ("Generative engine optimisation (GEO)", &["seo"]),
    ("Analytics & analysis", &["analytics"]),
    (
        "Co-op & organisational development",
        &["co-operative-governance"],
    ),
    ("Cooperative Development", &["co-operative-governance"]),
    ("Facilitation", &["workshop-facilitation"]),
    (
        "Sociocracy Training",
        &["co-operative-governance", "training"],
    ),
    ("Service Design", &["service-design"]),
];

/// The skills a service category stands for, if `label` is one (compared
/// trimmed, ignoring case).
pub fn service_category(label: &str) -> Option<&'static [&'static str]> {
    let label = label.trim();
    SERVICE_CATEGORIES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(label))
        .map(|(_, skills)| *skills)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skills::seed::SEED;

    #[test]
    fn every_category_names_skills_of_the_vocabulary() {
        for (label, skills) in SERVICE_CATEGORIES {
            assert!(!skills.is_empty(), "{label}");
            for slug in *skills {
                assert!(SEED.iter().any(|s| s.slug == *slug), "{label}: {slug}");
            }
        }
    }

    #[test]
    fn a_category_is_found_whatever_its_case() {
        assert_eq!(
            service_category(" ux research & design "),
            Some(&["user-research", "ux-design"][..])
        );
        assert_eq!(service_category("Rust"), None);
    }
}
