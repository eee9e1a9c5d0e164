//! `coophub serve --demo`: a temporary database filled with a demo network,
//! the factual fields of the CoTech directory plus generated example people,
//! and a demo admin account.

use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::coop::{
    ContactDraft, CoopDraft, CoopInput, LocationInput, Membership, MembershipOrigin,
    MembershipStatus,
};
use coophub_domain::person::{PersonDraft, PersonInput, PersonSkillDraft, Visibility};
use coophub_domain::{NewPassword, Registration};
use coophub_store::{Store, coops, users};
use serde::Deserialize;

/// Sign-in email of the demo network admin.
pub const DEMO_ADMIN_EMAIL: &str = "demo-admin@coophub.example";
/// Password of the demo network admin.
pub const DEMO_ADMIN_PASSWORD: &str = "demo-password";

/// The shipped directory (see `demo/SOURCE.md`).
const DIRECTORY: &str = include_str!("cotech.json");

#[derive(Debug, Deserialize)]
struct DemoCoop {
    slug: String,
    name: String,
    member: bool,
    website: Option<String>,
    locality: Option<String>,
    region: Option<String>,
    country: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    member_count: Option<i32>,
    technologies: Vec<String>,
    services: Vec<String>,
}

/// What the demo loaded.
#[derive(Debug)]
pub struct DemoSummary {
    /// Co-ops loaded.
    pub coops: usize,
    /// Example people generated.
    pub people: usize,
}

/// A small deterministic number from `seed`, so the demo is the same every time.
fn pick(seed: &str, salt: u32, modulo: u32) -> u32 {
    let hash = seed.bytes().fold(2_166_136_261_u32 ^ salt, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16_777_619)
    });
    hash % modulo
}

fn example_people(coop: &DemoCoop) -> Vec<PersonInput> {
    let count = if coop.technologies.is_empty() && coop.services.is_empty() {
        0
    } else {
        1 + pick(&coop.slug, 0, 3)
    };
    (0..count)
        .filter_map(|n| {
            let skills: Vec<PersonSkillDraft> = coop
                .technologies
                .iter()
                .chain(&coop.services)
                .enumerate()
                .filter(|(i, _)| pick(&coop.slug, n * 31 + u32::try_from(*i).unwrap_or(0), 3) != 0)
                .take(6)
                .map(|(i, skill)| {
                    let salt = n * 17 + u32::try_from(i).unwrap_or(0);
                    PersonSkillDraft {
                        skill: skill.clone(),
                        level: i64::from(1 + pick(&coop.slug, salt, 5)),
                        interest: i64::from(1 + pick(&coop.slug, salt + 7, 5)),
                    }
                })
                .collect();
            let draft = PersonDraft {
                name: format!("Example person {} of {} (demo)", n + 1, coop.name),
                headline: Some("Generated example profile, not a real person".into()),
                bio: Some("This profile was generated for the coophub demo.".into()),
                skills,
                days_per_week: Some(f64::from(pick(&coop.slug, n + 99, 5))),
                available_from: NaiveDate::from_ymd_opt(2027, 1, 4),
                day_rate: Some(i64::from(250 + 25 * pick(&coop.slug, n + 3, 9))),
                visibility: Visibility::Public,
                contact: ContactDraft::default(),
            };
            PersonInput::parse(draft).ok()
        })
        .collect()
}

/// Loads the demo network into `store` (an empty database).
pub fn load(store: &Store, now: DateTime<Utc>) -> anyhow::Result<DemoSummary> {
    let directory: Vec<DemoCoop> = serde_json::from_str(DIRECTORY)?;
    let mut conn = store.conn()?;
    let admin = Registration::parse(DEMO_ADMIN_EMAIL, "Demo admin", DEMO_ADMIN_PASSWORD)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let hash = NewPassword::hash(&admin.password)?;
    users::insert(
        &mut conn,
        &users::NewUser {
            email: admin.email.as_str(),
            name: admin.name.as_str(),
            password_hash: &hash,
            network_admin: true,
        },
        now,
    )?;
    let mut summary = DemoSummary {
        coops: 0,
        people: 0,
    };
    for coop in &directory {
        let draft = CoopDraft {
            slug: coop.slug.clone(),
            name: coop.name.clone(),
            summary: Some(format!(
                "{} (demo data from the CoTech directory)",
                coop.name
            )),
            website: coop.website.clone(),
            location: LocationInput {
                locality: coop.locality.clone(),
                region: coop.region.clone(),
                country: coop.country.clone(),
                latitude: coop.latitude,
                longitude: coop.longitude,
                ..LocationInput::default()
            },
            member_count: coop.member_count,
            technologies: coop.technologies.clone(),
            services: coop.services.clone(),
            ..CoopDraft::default()
        };
        let input = CoopInput::parse(draft)
            .map_err(|e| anyhow::anyhow!("demo co-op {}: {e:?}", coop.slug))?;
        let membership = Membership {
            status: if coop.member {
                MembershipStatus::Approved
            } else {
                MembershipStatus::Lapsed
            },
            origin: coop.member.then_some(MembershipOrigin::Founding),
            fund_contribution: None,
            invited_at: None,
            member_since: coop.member.then(|| now.date_naive()),
            changed_at: now,
        };
        let created = coops::insert(&mut conn, &input, &membership, None, now)?;
        summary.coops += 1;
        for person in example_people(coop) {
            coophub_app::directory::people::insert(&mut conn, created.id, &person, None, now)?;
            summary.people += 1;
        }
    }
    Ok(summary)
}
