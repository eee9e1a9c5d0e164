//! People: `/api/v1/coops/{slug}/people` and `/api/v1/people/{id}`.

pub mod create;
pub mod delete;
pub mod list;
pub mod reconfirm;
pub mod show;
pub mod update;
mod view;

use coophub_domain::coop::{Coop, CoopRole};
use coophub_domain::person::{Person, Visibility};
use coophub_store::{coops, people, users};
use uuid::Uuid;

use crate::auth::Viewer;
use crate::problem::ApiError;
use crate::routes::coops::role_in;
use crate::state::AppState;

pub use view::{CoopRef, PersonList, PersonRequest, PersonView, person_response};

/// What the viewer may do with a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// See the public profile only.
    Public,
    /// See day rate and availability.
    Detail,
    /// Edit: the linked account.
    Own,
    /// Edit, link accounts, delete: the co-op's admins and network admins.
    Admin,
}

/// The person with their co-op, if the viewer may see them (404 otherwise), and the viewer's access.
pub(crate) async fn visible_person(
    state: &AppState,
    viewer: &Viewer,
    id: Uuid,
) -> Result<(Person, Coop, Access), ApiError> {
    let not_found = || ApiError::NotFound(format!("no person {id}"));
    let found = state
        .db(move |conn| {
            let Some(person) = people::find(conn, id)? else {
                return Ok(None);
            };
            let coop = coops::find_by_id(conn, person.coop_id)?;
            Ok(coop.map(|coop| (person, coop)))
        })
        .await?
        .ok_or_else(not_found)?;
    let (person, coop) = found;
    let access = access(state, viewer, &coop, Some(&person)).await?;
    let coop_visible = coop.membership.status == coophub_domain::coop::MembershipStatus::Approved
        || access != Access::Public;
    if !coop_visible || (person.visibility == Visibility::Network && access == Access::Public) {
        return Err(not_found());
    }
    Ok((person, coop, access))
}

/// The viewer's access to `coop`'s people (to `person` in particular, if given).
pub(crate) async fn access(
    state: &AppState,
    viewer: &Viewer,
    coop: &Coop,
    person: Option<&Person>,
) -> Result<Access, ApiError> {
    if viewer.is_network_admin() {
        return Ok(Access::Admin);
    }
    match role_in(state, viewer, coop).await? {
        Some(CoopRole::Admin) => return Ok(Access::Admin),
        Some(CoopRole::Member) => return Ok(Access::Detail.max_with_own(viewer, person)),
        None => {}
    }
    let base = if viewer.sees_network_only() {
        Access::Detail
    } else {
        Access::Public
    };
    Ok(base.max_with_own(viewer, person))
}

impl Access {
    fn max_with_own(self, viewer: &Viewer, person: Option<&Person>) -> Self {
        let own = matches!((viewer.user.as_ref(), person), (Some(user), Some(p)) if p.user_id == Some(user.id));
        if own { Self::Own } else { self }
    }

    /// Whether day rate and availability are shown.
    pub(crate) fn detail(self) -> bool {
        self != Self::Public
    }
}

/// The account with `email`, for linking; 422 at `/linked_user_email` if none.
pub(crate) async fn linked_user(
    state: &AppState,
    email: Option<String>,
) -> Result<Option<Uuid>, ApiError> {
    let Some(email) = email else {
        return Ok(None);
    };
    let email =
        coophub_domain::Email::parse(&email, "/linked_user_email").map_err(ApiError::from_field)?;
    let found = state
        .db(move |conn| users::find_by_email(conn, email.as_str()))
        .await?;
    found.map(|(user, _)| Some(user.id)).ok_or_else(|| {
        ApiError::from_field(coophub_domain::FieldError::new(
            "/linked_user_email",
            "no account has this email",
        ))
    })
}
