//! The coops.tech directory format (as in `shared/data/cotech`): reading the
//! files and turning each co-op into a draft, with data-quality warnings.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::case_study::CaseStudyDraft;
use coophub_domain::coop::{
    CoopDraft, LocationInput, Membership, MembershipOrigin, MembershipStatus,
};
use coophub_domain::places;
use coophub_domain::skills::service_category;
use serde::Deserialize;

/// One co-op record of `coops.json` (the fields coophub uses).
#[derive(Debug, Deserialize)]
pub(crate) struct CotechCoop {
    pub slug: String,
    pub name: String,
    pub status: String,
    pub website: Option<String>,
    pub address: Option<String>,
    pub town: Option<String>,
    pub region: Option<String>,
    pub postcode: Option<String>,
    pub country: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub members: Option<i64>,
    #[serde(default)]
    pub technologies: Vec<String>,
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub clients: Vec<String>,
    pub summary: Option<String>,
    pub description_markdown: Option<String>,
    pub listed_from: Option<NaiveDate>,
    pub listed_until: Option<NaiveDate>,
    #[serde(default)]
    pub data_quality_notes: Vec<String>,
}

/// One record of `case_studies.json` (the fields coophub uses).
#[derive(Debug, Deserialize)]
pub(crate) struct CotechCaseStudy {
    pub slug: String,
    pub client_name: String,
    pub project_name: String,
    #[serde(default)]
    pub coop_slugs: Vec<String>,
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub links: Vec<String>,
    pub description_markdown: Option<String>,
}

impl CotechCaseStudy {
    /// The draft for this case study; a service category the site files it
    /// under stands for its skills (see [`service_category`]).
    pub(crate) fn draft(&self) -> CaseStudyDraft {
        CaseStudyDraft {
            slug: coophub_domain::skills::slugify(&self.slug),
            title: self.project_name.clone(),
            client: self.client_name.clone(),
            summary: self
                .description_markdown
                .as_deref()
                .map(|s| truncate(s, 5000)),
            coops: self
                .coop_slugs
                .iter()
                .map(|s| coophub_domain::skills::slugify(s))
                .collect(),
            skills: self
                .services
                .iter()
                .flat_map(|service| match service_category(service) {
                    Some(skills) => skills.iter().map(|s| (*s).to_owned()).collect(),
                    None => vec![service.clone()],
                })
                .collect(),
            links: self.links.clone(),
            ..CaseStudyDraft::default()
        }
    }
}

/// An entity file record (technology, service, client): slug and name.
#[derive(Debug, Deserialize)]
struct Entity {
    slug: String,
    /// Null for slugs that co-ops reference but no file defines.
    name: Option<String>,
}

/// The directory, read.
#[derive(Debug)]
pub(crate) struct CotechDirectory {
    pub coops: Vec<CotechCoop>,
    pub case_studies: Vec<CotechCaseStudy>,
    technologies: HashMap<String, String>,
    services: HashMap<String, String>,
    clients: HashMap<String, String>,
}

fn read_json<T: serde::de::DeserializeOwned>(dir: &Path, file: &str) -> anyhow::Result<T> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text)
        .map_err(|e| anyhow::anyhow!("{} is not in the coops.tech format: {e}", path.display()))
}

fn names(dir: &Path, file: &str) -> anyhow::Result<HashMap<String, String>> {
    let entities: Vec<Entity> = read_json(dir, file)?;
    Ok(entities
        .into_iter()
        .filter_map(|e| e.name.map(|name| (e.slug, name)))
        .collect())
}

impl CotechDirectory {
    /// Reads `coops.json`, `technologies.json`, `services.json`, `clients.json`
    /// and (if present) `case_studies.json` from `dir`.
    pub(crate) fn read(dir: &Path) -> anyhow::Result<Self> {
        Ok(Self {
            coops: read_json(dir, "coops.json")?,
            case_studies: if dir.join("case_studies.json").is_file() {
                read_json(dir, "case_studies.json")?
            } else {
                Vec::new()
            },
            technologies: names(dir, "technologies.json")?,
            services: names(dir, "services.json")?,
            clients: names(dir, "clients.json")?,
        })
    }

    /// The draft for `coop`, and what was wrong with its data.
    pub(crate) fn draft(&self, coop: &CotechCoop) -> (CoopDraft, Vec<String>) {
        let mut warnings: Vec<String> = coop.data_quality_notes.clone();
        let mut resolve =
            |slugs: &[String], table: &HashMap<String, String>, kind: &str| -> Vec<String> {
                slugs
                    .iter()
                    .map(|slug| {
                        table.get(slug).cloned().unwrap_or_else(|| {
                            warnings.push(format!("unknown {kind} reference `{slug}`"));
                            slug.clone()
                        })
                    })
                    .collect()
            };
        let technologies = resolve(&coop.technologies, &self.technologies, "technology");
        let services = resolve(&coop.services, &self.services, "service");
        let clients = resolve(&coop.clients, &self.clients, "client");
        let (latitude, longitude) = match (coop.latitude, coop.longitude) {
            (Some(lat), Some(lon)) if coordinates_flagged(&coop.data_quality_notes) => {
                warnings.push(format!(
                    "coordinates ({lat}, {lon}) the directory flags as wrong are not used"
                ));
                (None, None)
            }
            (Some(lat), Some(lon))
                if lat.abs() <= 90.0 && lon.abs() <= 180.0 && (lat, lon) != (0.0, 0.0) =>
            {
                (Some(lat), Some(lon))
            }
            (None, None) => (None, None),
            (lat, lon) => {
                warnings.push(format!("bad coordinates ({lat:?}, {lon:?}) dropped"));
                (None, None)
            }
        };
        let (latitude, longitude) = match (latitude, longitude, coop.town.as_deref()) {
            (None, None, Some(town)) => match places::find(town) {
                Some(place) => {
                    warnings.push(format!("placed at the centre of {}", place.name));
                    (Some(place.latitude), Some(place.longitude))
                }
                None => (None, None),
            },
            (lat, lon, _) => (lat, lon),
        };
        let website = coop.website.clone().filter(|url| {
            let ok = url.starts_with("http://") || url.starts_with("https://");
            if !ok {
                warnings.push(format!("website `{url}` is not an http(s) URL; dropped"));
            }
            ok
        });
        let slug = coophub_domain::skills::slugify(&coop.slug);
        if slug != coop.slug {
            warnings.push(format!("slug `{}` imported as `{slug}`", coop.slug));
        }
        let draft = CoopDraft {
            slug,
            name: coop.name.clone(),
            summary: coop.summary.as_deref().map(|s| truncate(s, 500)),
            description: coop
                .description_markdown
                .as_deref()
                .map(|s| truncate(s, 20_000)),
            website,
            location: LocationInput {
                address: coop.address.clone(),
                locality: coop.town.clone(),
                region: coop.region.clone(),
                country: coop.country.clone(),
                postcode: coop.postcode.clone(),
                latitude,
                longitude,
            },
            member_count: coop.members.and_then(|m| i32::try_from(m).ok()),
            technologies,
            services,
            clients,
            ..CoopDraft::default()
        };
        (draft, warnings)
    }
}

/// Whether the directory's own data-quality notes say a record's
/// coordinates are wrong (outside the country, or pointing elsewhere than
/// its address): such coordinates would give distances hundreds of
/// kilometres out.
fn coordinates_flagged(notes: &[String]) -> bool {
    notes.iter().any(|note| {
        note.contains("coordinates") && (note.contains("outside") || note.contains("point to"))
    })
}

/// `text` cut to at most `max` characters.
fn truncate(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Current members are approved founding members; former ones have lapsed.
pub(crate) fn membership(coop: &CotechCoop, now: DateTime<Utc>) -> Membership {
    let at = |date: Option<NaiveDate>| {
        date.and_then(|d| d.and_hms_opt(0, 0, 0))
            .map_or(now, |d| d.and_utc())
    };
    if coop.status == "current" {
        Membership {
            status: MembershipStatus::Approved,
            origin: Some(MembershipOrigin::Founding),
            fund_contribution: None,
            invited_at: None,
            member_since: coop.listed_from,
            changed_at: at(coop.listed_from),
        }
    } else {
        Membership {
            status: MembershipStatus::Lapsed,
            origin: None,
            fund_contribution: None,
            invited_at: None,
            member_since: coop.listed_from,
            changed_at: at(coop.listed_until),
        }
    }
}
