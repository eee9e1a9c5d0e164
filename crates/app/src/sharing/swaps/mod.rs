//! Swaps between two rotation requests: suggestions (requests of other
//! co-ops that fit one's own), proposals and answers.

mod answers;
mod proposals;

pub use answers::{answer, show};
pub use proposals::{propose, suggest};

use crate::AppError;
use crate::sharing::rotations::Asked;
use coophub_domain::sharing::{Booking, skills_fitting};
use coophub_store::DbConnection;
use coophub_store::sharing::rotations;

/// A possible swap: the other side, the skills fitting each way, the time.
pub struct Fitting {
    /// The other rotation request, with its person and co-op.
    pub other: Asked,
    /// The other person's skills that the asker wants.
    pub for_you: Vec<String>,
    /// The asker's skills that the other person wants.
    pub for_them: Vec<String>,
    /// The time both could swap.
    pub booking: Booking,
}

/// Open requests in other co-ops, of people who agreed to be suggested,
/// whose dates overlap `mine` and whose skills fit both ways.
pub fn fitting(conn: &mut DbConnection, mine: &Asked) -> Result<Vec<Fitting>, AppError> {
    let my_skills: Vec<String> = mine
        .person
        .skills
        .iter()
        .map(|s| s.skill.slug.clone())
        .collect();
    let mut found = Vec::new();
    for rotation in rotations::candidates(conn, mine.coop.id, mine.rotation.dates)? {
        let other = Asked::of(conn, rotation)?.ok_or_else(|| AppError::NotFound(String::new()))?;
        let their_skills: Vec<String> = other
            .person
            .skills
            .iter()
            .map(|s| s.skill.slug.clone())
            .collect();
        let kinds_fit = match (mine.rotation.project_kind, other.rotation.project_kind) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let (Some(for_you), Some(for_them), Some(range)) = (
            skills_fitting(&mine.rotation.wanted_skills, &their_skills),
            skills_fitting(&other.rotation.wanted_skills, &my_skills),
            mine.rotation.dates.overlap(&other.rotation.dates),
        ) else {
            continue;
        };
        if !kinds_fit {
            continue;
        }
        let half_days = mine.rotation.half_days.min(other.rotation.half_days);
        found.push(Fitting {
            other,
            for_you,
            for_them,
            booking: Booking { range, half_days },
        });
    }
    found.sort_by(|a, b| {
        let fit = |f: &Fitting| f.for_you.len() + f.for_them.len();
        fit(b)
            .cmp(&fit(a))
            .then(a.other.rotation.id.cmp(&b.other.rotation.id))
    });
    Ok(found)
}
