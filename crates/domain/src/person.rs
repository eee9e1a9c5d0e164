//! People: the workers of a co-op, their skills (level and interest), their
//! availability (which lapses unless reconfirmed) and their day rate.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::coop::{Contact, ContactDraft};
use crate::skills::{Skill, SkillName};
use crate::validation::{FieldError, ValidationErrors};

/// Days after which availability that was not reconfirmed no longer counts.
pub const AVAILABILITY_DAYS: i64 = 30;
/// Most skills on one profile.
pub const MAX_SKILLS: usize = 100;
/// The headline's length, in characters.
pub const MAX_HEADLINE: usize = 200;
/// The bio's length, in characters.
pub const MAX_BIO: usize = 5000;
/// Most days a week a person may be free.
pub const MAX_DAYS_PER_WEEK: f64 = 7.0;
/// The highest day rate, in whole pounds.
pub const MAX_DAY_RATE: i32 = 100_000;

/// Who may see a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Anyone (without day rate and availability, which stay within the network).
    Public,
    /// Members of the network only.
    #[default]
    Network,
}

impl Visibility {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Network => "network",
        }
    }

    /// The value of a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "public" => Some(Self::Public),
            "network" => Some(Self::Network),
            _ => None,
        }
    }
}

/// A skill as a person holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSkill {
    /// The canonical skill.
    pub skill: Skill,
    /// 1 (learning) to 5 (expert).
    pub level: u8,
    /// 1 (would rather not) to 5 (keen).
    pub interest: u8,
}

/// Days a week free from a date, as last confirmed.
#[derive(Debug, Clone, PartialEq)]
pub struct Availability {
    /// Days a week free, 0 to 7 in half days.
    pub days_per_week: f64,
    /// Free from this date.
    pub from: NaiveDate,
    /// When the person last said this is still true.
    pub reconfirmed_at: DateTime<Utc>,
}

impl Availability {
    /// The days a week as half days (0 to 14), as capacity counts them.
    pub fn half_days(&self) -> Option<crate::sharing::HalfDays> {
        let halves = (self.days_per_week * 2.0).round();
        (0.0..=14.0)
            .contains(&halves)
            .then_some(halves as crate::sharing::HalfDays)
    }

    /// Whether it has lapsed at `now` (not reconfirmed for 30 days).
    pub fn lapsed(&self, now: DateTime<Utc>) -> bool {
        now >= self.reconfirmed_at + Duration::days(AVAILABILITY_DAYS)
    }
}

/// A person as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Stable identifier.
    pub id: Uuid,
    /// The co-op they belong to.
    pub coop_id: Uuid,
    /// Display name.
    pub name: String,
    /// One line about them.
    pub headline: String,
    /// Longer text.
    pub bio: String,
    /// Skills, in the order given.
    pub skills: Vec<PersonSkill>,
    /// Availability, if stated.
    pub availability: Option<Availability>,
    /// Day rate in whole pounds sterling.
    pub day_rate: Option<i32>,
    /// Who may see them.
    pub visibility: Visibility,
    /// The account that may edit this profile.
    pub user_id: Option<Uuid>,
    /// How to reach them: for members of the network only.
    pub contact: Contact,
    /// Bumped by every change; the ETag.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

/// A skill as sent: any spelling, with level and interest.
#[derive(Debug, Clone)]
pub struct PersonSkillDraft {
    /// Any spelling.
    pub skill: String,
    /// Should be 1 to 5.
    pub level: i64,
    /// Should be 1 to 5.
    pub interest: i64,
}

/// A person as sent by a client, before checking.
#[derive(Debug, Clone, Default)]
pub struct PersonDraft {
    /// Display name.
    pub name: String,
    /// One line.
    pub headline: Option<String>,
    /// Longer text.
    pub bio: Option<String>,
    /// Skills.
    pub skills: Vec<PersonSkillDraft>,
    /// Days a week free, with `available_from`.
    pub days_per_week: Option<f64>,
    /// Free from, with `days_per_week`.
    pub available_from: Option<NaiveDate>,
    /// Day rate in whole pounds.
    pub day_rate: Option<i64>,
    /// Who may see them.
    pub visibility: Visibility,
    /// How to reach them.
    pub contact: ContactDraft,
}

/// A checked skill, not yet resolved to a canonical one.
#[derive(Debug, Clone)]
pub struct PersonSkillInput {
    /// The name as given.
    pub name: SkillName,
    /// 1 to 5.
    pub level: u8,
    /// 1 to 5.
    pub interest: u8,
}

/// A checked person, ready to store.
#[derive(Debug, Clone)]
pub struct PersonInput {
    /// Display name.
    pub name: String,
    /// One line.
    pub headline: String,
    /// Longer text.
    pub bio: String,
    /// Skills.
    pub skills: Vec<PersonSkillInput>,
    /// Days a week and the date, when stated.
    pub availability: Option<(f64, NaiveDate)>,
    /// Day rate in whole pounds.
    pub day_rate: Option<i32>,
    /// Who may see them.
    pub visibility: Visibility,
    /// How to reach them.
    pub contact: Contact,
}

fn scale(value: i64, pointer: String, errors: &mut ValidationErrors) -> Option<u8> {
    match u8::try_from(value) {
        Ok(v) if crate::skills::LEVELS.contains(&v) => Some(v),
        _ => {
            errors
                .0
                .push(FieldError::new(pointer, crate::skills::levels_message()));
            None
        }
    }
}

fn bounded(
    raw: Option<String>,
    max: usize,
    pointer: &str,
    errors: &mut ValidationErrors,
) -> String {
    let value = raw.map(|v| v.trim().to_owned()).unwrap_or_default();
    if value.chars().count() > max {
        errors.0.push(FieldError::new(
            pointer,
            format!("must be at most {max} characters long"),
        ));
    }
    value
}

impl PersonInput {
    /// Checks every field of `draft`, reporting all errors with pointers.
    pub fn parse(draft: PersonDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = errors
            .check(crate::DisplayName::parse(&draft.name, "/name"))
            .map(|n| n.as_str().to_owned());
        let headline = bounded(draft.headline, MAX_HEADLINE, "/headline", &mut errors);
        let bio = bounded(draft.bio, MAX_BIO, "/bio", &mut errors);
        if draft.skills.len() > MAX_SKILLS {
            errors.0.push(FieldError::new(
                "/skills",
                format!("must have at most {MAX_SKILLS} entries"),
            ));
        }
        let skills: Vec<PersonSkillInput> = draft
            .skills
            .into_iter()
            .take(MAX_SKILLS)
            .enumerate()
            .filter_map(|(i, s)| {
                let name = errors.check(SkillName::parse(&s.skill, &format!("/skills/{i}/skill")));
                let level = scale(s.level, format!("/skills/{i}/level"), &mut errors);
                let interest = scale(s.interest, format!("/skills/{i}/interest"), &mut errors);
                Some(PersonSkillInput {
                    name: name?,
                    level: level?,
                    interest: interest?,
                })
            })
            .collect();
        let available_from =
            crate::dates::check(draft.available_from, "/available_from", &mut errors);
        let availability = match (draft.days_per_week, draft.available_from) {
            (None, None) => None,
            (Some(days), Some(_))
                if (0.0..=MAX_DAYS_PER_WEEK).contains(&days) && (days * 2.0).fract() == 0.0 =>
            {
                available_from.map(|from| (days, from))
            }
            (Some(_), Some(_)) => {
                errors.0.push(FieldError::new(
                    "/days_per_week",
                    format!("must be 0 to {MAX_DAYS_PER_WEEK} in half days"),
                ));
                None
            }
            _ => {
                errors.0.push(FieldError::new(
                    "/available_from",
                    "days_per_week and available_from go together",
                ));
                None
            }
        };
        let day_rate = match draft.day_rate {
            None => None,
            Some(rate) => match i32::try_from(rate) {
                Ok(rate) if (0..=MAX_DAY_RATE).contains(&rate) => Some(rate),
                _ => {
                    errors.0.push(FieldError::new(
                        "/day_rate",
                        format!("must be from 0 to {MAX_DAY_RATE} (whole pounds)"),
                    ));
                    None
                }
            },
        };
        let contact = draft.contact.check("/contact", &mut errors);
        errors.finish(|| {
            Some(Self {
                name: name?,
                headline,
                bio,
                skills,
                availability,
                day_rate,
                visibility: draft.visibility,
                contact,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skill(name: &str, level: i64, interest: i64) -> PersonSkillDraft {
        PersonSkillDraft {
            skill: name.into(),
            level,
            interest,
        }
    }

    #[test]
    fn levels_and_interests_are_one_to_five_with_pointers() {
        let draft = PersonDraft {
            name: "Ada".into(),
            skills: vec![skill("Rust", 5, 1), skill("Go", 7, 3), skill("", 0, 6)],
            ..PersonDraft::default()
        };
        let errors = PersonInput::parse(draft).unwrap_err();
        let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/skills/1/level",
                "/skills/2/skill",
                "/skills/2/level",
                "/skills/2/interest"
            ]
        );
    }

    #[test]
    fn availability_is_in_half_days_with_a_date_and_lapses_after_thirty_days() {
        let from = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        let ok = PersonDraft {
            name: "Ada".into(),
            days_per_week: Some(2.5),
            available_from: Some(from),
            ..PersonDraft::default()
        };
        assert_eq!(
            PersonInput::parse(ok).unwrap().availability,
            Some((2.5, from))
        );
        let odd = PersonDraft {
            name: "Ada".into(),
            days_per_week: Some(2.3),
            available_from: Some(from),
            ..PersonDraft::default()
        };
        assert_eq!(
            PersonInput::parse(odd).unwrap_err().0[0].pointer,
            "/days_per_week"
        );
        let alone = PersonDraft {
            name: "Ada".into(),
            days_per_week: Some(2.0),
            ..PersonDraft::default()
        };
        assert!(PersonInput::parse(alone).is_err());

        let at = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let availability = Availability {
            days_per_week: 2.0,
            from,
            reconfirmed_at: at,
        };
        assert!(!availability.lapsed(at + Duration::days(29)));
        assert!(availability.lapsed(at + Duration::days(30)));
    }
}
