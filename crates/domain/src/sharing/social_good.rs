//! A social-good ("robin hood") proposal: a person who asked to rotate is
//! proposed for another co-op's social-good request. Three must agree: the
//! person, their co-op's admins and the requesting co-op's admins. All three
//! yeses book an accepted placement (under the person's five-day week); one
//! no, or 14 days without every yes, ends it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::consent::{Consent, Parties};
use super::{Booking, ProjectKind, Request, RequestStatus, Rotation};
use crate::person::PersonSkill;

/// Who must agree to a social-good proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProposalParty {
    /// The person who asked to rotate.
    Person,
    /// Their co-op (its admins).
    HomeCoop,
    /// The co-op whose social-good request it is (its admins).
    RequestingCoop,
}

impl ProposalParty {
    /// The party, in a person's words.
    pub const fn words(self) -> &'static str {
        match self {
            Self::Person => "the person",
            Self::HomeCoop => "their co-op",
            Self::RequestingCoop => "the co-op that asked for help",
        }
    }
}

impl Parties for ProposalParty {
    const ALL: &'static [Self] = &[Self::Person, Self::HomeCoop, Self::RequestingCoop];
}

/// A proposal of a rotation request's person for a social-good request, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocialGoodProposal {
    /// Stable identifier.
    pub id: Uuid,
    /// The rotation request whose person is proposed.
    pub rotation: Uuid,
    /// The social-good request they are proposed for.
    pub request: Uuid,
    /// The time they would give it.
    pub booking: Booking,
    /// The answers so far.
    pub consent: Consent<ProposalParty>,
    /// The placement booked once all three agreed.
    pub placement: Option<Uuid>,
    /// Bumped on every change.
    pub version: i32,
}

/// How a social-good request fits a person who asked to rotate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocialGoodFit {
    /// The request's skills the person has at the level it needs.
    pub skills: Vec<String>,
    /// Of those, the ones the person said they would like to use.
    pub wanted: Vec<String>,
    /// The time both could give: the dates they share, the lesser week.
    pub booking: Booking,
}

/// Whether `request` (of another co-op) fits `rotation`, whose person has
/// `held` skills: an open social-good request over dates the rotation
/// shares, whose every skill the person has at the level it needs. A
/// request naming no skill is fitted by anyone.
pub fn social_good_fit(
    rotation: &Rotation,
    held: &[PersonSkill],
    request: &Request,
) -> Option<SocialGoodFit> {
    if request.project_kind != ProjectKind::SocialGood
        || request.status != RequestStatus::Open
        || request.coop_id == rotation.coop_id
    {
        return None;
    }
    let range = rotation.dates.overlap(&request.dates)?;
    let mut skills = Vec::new();
    for needed in &request.skills {
        let has = held
            .iter()
            .any(|own| own.skill.slug == needed.skill.slug && own.level >= needed.level);
        if !has {
            return None;
        }
        skills.push(needed.skill.slug.clone());
    }
    let wanted = skills
        .iter()
        .filter(|slug| rotation.wanted_skills.iter().any(|w| &w.slug == *slug))
        .cloned()
        .collect();
    Some(SocialGoodFit {
        skills,
        wanted,
        booking: Booking {
            range,
            half_days: rotation.half_days.min(request.half_days),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sharing::{DateRange, LevelledSkill, RotationStatus, SwapState};
    use crate::skills::{Skill, SkillCategory};
    use chrono::{DateTime, Duration, NaiveDate, Utc};

    fn skill(slug: &str) -> Skill {
        Skill {
            slug: slug.into(),
            name: slug.into(),
            category: SkillCategory::Technology,
            esco_uri: None,
        }
    }

    fn range(start: &str, end: &str) -> DateRange {
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        DateRange::new(day(start), day(end)).unwrap()
    }

    fn at(day: i64) -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap() + Duration::days(day)
    }

    fn rotation() -> Rotation {
        Rotation {
            id: Uuid::from_u128(1),
            person_id: Uuid::from_u128(2),
            coop_id: Uuid::from_u128(3),
            from_placement: None,
            from_offer: None,
            wanted_skills: vec![skill("elm")],
            project_kind: Some(ProjectKind::SocialGood),
            half_days: 4,
            dates: range("2027-02-01", "2027-04-30"),
            notes: String::new(),
            suggest_me: false,
            status: RotationStatus::Open,
            version: 1,
            created_at: at(0),
            updated_at: at(0),
        }
    }

    fn request(skills: &[(&str, u8)], kind: ProjectKind) -> Request {
        Request {
            id: Uuid::from_u128(4),
            coop_id: Uuid::from_u128(5),
            title: "Food bank app".into(),
            skills: skills
                .iter()
                .map(|(slug, level)| LevelledSkill {
                    skill: skill(slug),
                    level: *level,
                })
                .collect(),
            half_days: 2,
            dates: range("2027-03-01", "2027-06-30"),
            work_mode: None,
            location: None,
            budget: None,
            project_kind: kind,
            status: RequestStatus::Open,
            version: 1,
            created_at: at(0),
            updated_at: at(0),
        }
    }

    fn held(slug: &str, level: u8) -> PersonSkill {
        PersonSkill {
            skill: skill(slug),
            level,
            interest: 3,
        }
    }

    #[test]
    fn a_social_good_request_fits_when_the_person_has_every_skill_it_needs() {
        let held = [held("elm", 4), held("rust", 2)];
        let fit = social_good_fit(
            &rotation(),
            &held,
            &request(&[("elm", 3)], ProjectKind::SocialGood),
        )
        .unwrap();
        assert_eq!(fit.skills, ["elm"]);
        assert_eq!(fit.wanted, ["elm"]);
        assert_eq!(fit.booking.range, range("2027-03-01", "2027-04-30"));
        assert_eq!(fit.booking.half_days, 2);
        let too_little = request(&[("elm", 3), ("rust", 3)], ProjectKind::SocialGood);
        assert_eq!(social_good_fit(&rotation(), &held, &too_little), None);
        let paid = request(&[("elm", 3)], ProjectKind::Commercial);
        assert_eq!(social_good_fit(&rotation(), &held, &paid), None);
        let mut own = request(&[], ProjectKind::SocialGood);
        assert!(social_good_fit(&rotation(), &held, &own).is_some());
        own.coop_id = rotation().coop_id;
        assert_eq!(social_good_fit(&rotation(), &held, &own), None);
    }

    #[test]
    fn three_yeses_agree_a_social_good_proposal() {
        let proposed = Consent::propose(vec![ProposalParty::Person], at(0));
        let home = proposed
            .answer(ProposalParty::HomeCoop, true, at(1))
            .unwrap();
        assert_eq!(home.waiting_for(), [ProposalParty::RequestingCoop]);
        let agreed = home
            .answer(ProposalParty::RequestingCoop, true, at(2))
            .unwrap();
        assert_eq!(agreed.state, SwapState::Agreed);
        let refused = home
            .answer(ProposalParty::RequestingCoop, false, at(2))
            .unwrap();
        assert_eq!(refused.state, SwapState::Refused);
        assert_eq!(proposed.state_at(at(15)), SwapState::Lapsed);
    }
}
