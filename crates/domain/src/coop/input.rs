//! Checking a co-op as a client sent it: every rule, every field, all errors at once.

use super::limits::*;
use super::{
    ContactDraft, ContactVisibility, CoopProfile, LegalForm, Location, OrganisationalStructure,
    is_country_code,
};
use crate::geo::{LATITUDE_MAX, LONGITUDE_MAX};
use crate::skills::SkillName;
use crate::validation::{FieldError, ValidationErrors};

/// A co-op's URL name: 2 to 64 characters of `a-z`, `0-9` and inner `-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slug(String);

impl Slug {
    /// Checks `raw`; `pointer` names the field in error messages.
    pub fn parse(raw: &str, pointer: &str) -> Result<Self, FieldError> {
        let valid = SLUG_LENGTHS.contains(&raw.len())
            && raw
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !raw.starts_with('-')
            && !raw.ends_with('-')
            && !raw.contains("--");
        if valid {
            Ok(Self(raw.to_owned()))
        } else {
            Err(FieldError::new(
                pointer,
                format!(
                    "must be {} to {} lower-case letters, digits and single inner hyphens",
                    SLUG_LENGTHS.start(),
                    SLUG_LENGTHS.end()
                ),
            ))
        }
    }

    /// The slug.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where a co-op is, as sent.
#[derive(Debug, Clone, Default)]
pub struct LocationInput {
    /// Street address.
    pub address: Option<String>,
    /// Town or city.
    pub locality: Option<String>,
    /// Region or nation.
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 code (any case).
    pub country: Option<String>,
    /// Postal code.
    pub postcode: Option<String>,
    /// Latitude.
    pub latitude: Option<f64>,
    /// Longitude.
    pub longitude: Option<f64>,
}

/// A co-op as sent by a client, before checking.
#[derive(Debug, Clone, Default)]
pub struct CoopDraft {
    /// URL name.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Short summary.
    pub summary: Option<String>,
    /// Long description.
    pub description: Option<String>,
    /// Home page.
    pub website: Option<String>,
    /// Location.
    pub location: LocationInput,
    /// Legal form.
    pub legal_form: Option<LegalForm>,
    /// Organisational structure.
    pub organisational_structure: Option<OrganisationalStructure>,
    /// Registration number.
    pub registration_number: Option<String>,
    /// Number of members.
    pub member_count: Option<i32>,
    /// Technologies, any spelling.
    pub technologies: Vec<String>,
    /// Services, any spelling.
    pub services: Vec<String>,
    /// Sectors.
    pub sectors: Vec<String>,
    /// Clients.
    pub clients: Vec<String>,
    /// Happy to share experience; `None`: not said.
    pub happy_to_share_experience: Option<bool>,
    /// How to reach the co-op.
    pub contact: ContactDraft,
    /// Who may see the contact (default: network members).
    pub contact_visibility: Option<ContactVisibility>,
}

/// A checked co-op, ready to store.
#[derive(Debug, Clone)]
pub struct CoopInput {
    /// URL name.
    pub slug: Slug,
    /// Profile.
    pub profile: CoopProfile,
    /// Technologies, not yet resolved to canonical skills.
    pub technologies: Vec<SkillName>,
    /// Services, not yet resolved.
    pub services: Vec<SkillName>,
}

/// `Some(trimmed)` for a non-blank text of at most `max` characters.
fn text(
    raw: Option<String>,
    max: usize,
    pointer: &str,
    errors: &mut ValidationErrors,
) -> Option<String> {
    let value = raw.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())?;
    if value.chars().count() > max {
        errors.0.push(FieldError::new(
            pointer,
            format!("must be at most {max} characters long"),
        ));
        return None;
    }
    Some(value)
}

fn list<T>(
    raw: Vec<String>,
    pointer: &str,
    errors: &mut ValidationErrors,
    item: impl Fn(&str, &str) -> Result<T, FieldError>,
) -> Vec<T> {
    if raw.len() > LIST_MAX {
        errors.0.push(FieldError::new(
            pointer,
            format!("must have at most {LIST_MAX} entries"),
        ));
        return Vec::new();
    }
    raw.iter()
        .enumerate()
        .filter_map(|(i, value)| errors.check(item(value, &format!("{pointer}/{i}"))))
        .collect()
}

fn short_text(raw: &str, pointer: &str) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() || value.chars().count() > NAME_MAX {
        return Err(FieldError::new(
            pointer,
            format!("must be 1 to {NAME_MAX} characters long"),
        ));
    }
    Ok(value.to_owned())
}

fn website(raw: Option<String>, errors: &mut ValidationErrors) -> Option<String> {
    let url = text(raw, WEBSITE_MAX, "/website", errors)?;
    let valid = (url.starts_with("https://") || url.starts_with("http://"))
        && url
            .split("://")
            .nth(1)
            .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace));
    if !valid {
        errors.0.push(FieldError::new(
            "/website",
            "must be an http:// or https:// URL",
        ));
        return None;
    }
    Some(url)
}

fn location(raw: LocationInput, errors: &mut ValidationErrors) -> Location {
    let country = text(raw.country, 2, "/location/country", errors).map(|c| c.to_uppercase());
    let country = country.filter(|code| {
        let known = is_country_code(code);
        if !known {
            errors.0.push(FieldError::new(
                "/location/country",
                "must be an ISO 3166-1 alpha-2 code such as GB",
            ));
        }
        known
    });
    let mut coordinate = |value: Option<f64>, limit: f64, pointer: &str| {
        value.filter(|v| {
            let valid = v.is_finite() && v.abs() <= limit;
            if !valid {
                errors.0.push(FieldError::new(
                    pointer,
                    format!("must be between -{limit} and {limit}"),
                ));
            }
            valid
        })
    };
    let latitude = coordinate(raw.latitude, LATITUDE_MAX, "/location/latitude");
    let longitude = coordinate(raw.longitude, LONGITUDE_MAX, "/location/longitude");
    if latitude.is_some() != longitude.is_some() {
        errors.0.push(FieldError::new(
            "/location",
            "latitude and longitude go together",
        ));
    }
    Location {
        address: text(raw.address, ADDRESS_MAX, "/location/address", errors),
        locality: text(raw.locality, LOCALITY_MAX, "/location/locality", errors),
        region: text(raw.region, REGION_MAX, "/location/region", errors),
        country,
        postcode: text(raw.postcode, POSTCODE_MAX, "/location/postcode", errors),
        latitude,
        longitude,
    }
}

impl CoopInput {
    /// Checks every field of `draft`.
    pub fn parse(draft: CoopDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let slug = errors.check(Slug::parse(&draft.slug, "/slug"));
        let name = errors.check(short_text(&draft.name, "/name"));
        if draft
            .member_count
            .is_some_and(|n| !(0..=MEMBER_COUNT_MAX).contains(&n))
        {
            errors.0.push(FieldError::new(
                "/member_count",
                format!("must be between 0 and {MEMBER_COUNT_MAX}"),
            ));
        }
        let profile = CoopProfile {
            name: name.clone().unwrap_or_default(),
            summary: text(draft.summary, SUMMARY_MAX, "/summary", &mut errors).unwrap_or_default(),
            description: text(
                draft.description,
                DESCRIPTION_MAX,
                "/description",
                &mut errors,
            )
            .unwrap_or_default(),
            website: website(draft.website, &mut errors),
            location: location(draft.location, &mut errors),
            legal_form: draft.legal_form,
            organisational_structure: draft.organisational_structure,
            registration_number: text(
                draft.registration_number,
                REGISTRATION_NUMBER_MAX,
                "/registration_number",
                &mut errors,
            ),
            member_count: draft.member_count,
            sectors: list(draft.sectors, "/sectors", &mut errors, short_text),
            clients: list(draft.clients, "/clients", &mut errors, short_text),
            happy_to_share_experience: draft.happy_to_share_experience,
            contact: draft.contact.check("/contact", &mut errors),
            contact_visibility: draft.contact_visibility.unwrap_or_default(),
        };
        let technologies = list(
            draft.technologies,
            "/technologies",
            &mut errors,
            SkillName::parse,
        );
        let services = list(draft.services, "/services", &mut errors, SkillName::parse);
        errors.finish(|| {
            Some(Self {
                slug: slug?,
                profile: CoopProfile {
                    name: name?,
                    ..profile
                },
                technologies,
                services,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> CoopDraft {
        CoopDraft {
            slug: "agile-collective".into(),
            name: " Agile Collective ".into(),
            technologies: vec!["Drupal".into(), "ReactJS".into()],
            ..CoopDraft::default()
        }
    }

    #[test]
    fn a_minimal_co_op_is_accepted_and_trimmed() {
        let input = CoopInput::parse(draft()).unwrap();
        assert_eq!(input.profile.name, "Agile Collective");
        assert_eq!(input.technologies[1].key(), "react");
    }

    #[test]
    fn every_bad_field_is_reported_with_its_pointer() {
        let mut bad = draft();
        bad.slug = "Not A Slug".into();
        bad.website = Some("ftp://example.org".into());
        bad.location.country = Some("UK".into());
        bad.location.latitude = Some(91.0);
        bad.technologies.push("???".into());
        bad.member_count = Some(-1);
        bad.contact.email = Some("hello at example.coop".into());
        let errors = CoopInput::parse(bad).unwrap_err();
        let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
        for expected in [
            "/slug",
            "/website",
            "/location/country",
            "/location/latitude",
            "/technologies/2",
            "/member_count",
            "/contact/email",
        ] {
            assert!(
                pointers.contains(&expected),
                "{expected} missing from {pointers:?}"
            );
        }
    }

    #[test]
    fn countries_are_upper_cased_and_coordinates_go_in_pairs() {
        let mut located = draft();
        located.location.country = Some("gb".into());
        located.location.latitude = Some(53.8);
        assert_eq!(
            CoopInput::parse(located.clone()).unwrap_err().0[0].pointer,
            "/location"
        );
        located.location.longitude = Some(-1.55);
        let input = CoopInput::parse(located).unwrap();
        assert_eq!(input.profile.location.country.as_deref(), Some("GB"));
    }
}
