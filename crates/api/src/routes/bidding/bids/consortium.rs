//! `POST /api/v1/bids/{id}/invitations` and
//! `POST /api/v1/bids/{id}/invitations/{slug}/answer`: the lead invites a
//! co-op (optionally to roles); its admins accept or decline. Until they
//! accept, the co-op is named only to the lead's managers and to itself.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::bidding::bids::BidCase;
use coophub_app::guard::{Lock, load};
use coophub_domain::access::bidding::{answer_invitation, manage_bid, read_bid};
use coophub_domain::bidding::MemberStatus;
use coophub_domain::coop::MembershipStatus;
use coophub_domain::notify::EventKind;
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::bidding::{bids, roles};
use coophub_store::coops;
use uuid::Uuid;

use super::{BidView, InvitationAnswer, InvitationBody, ensure_open};
use crate::auth::{SignedIn, refused};
use crate::extract::Checked;
use crate::problem::{ApiError, Code, JsonBody, Problem, TokenRequired};
use crate::state::AppState;
use coophub_app::telling::tell;

fn closed(detail: String) -> ApiError {
    ApiError::conflict(Code::InvitationClosed, detail)
}

/// The lead invites an approved member co-op to the consortium, offering it
/// roles of the bid; inviting again (after a decline too) renews the
/// invitation and adds the roles.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body = InvitationBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Invited", body = BidView),
        (status = 403, description = "Not the lead co-op's admin or the coordinator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such bid (or not the caller's)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The bid is closed (`bid_state`), or the co-op is in the consortium already (`invitation_closed`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bids/{id}/invitations")]
pub async fn invite_coop(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<InvitationBody>,
) -> Result<HttpResponse, ApiError> {
    let (slug, offered) =
        body.check(|body| Ok((body.coop.trim().to_owned(), body.role_ids.clone())))?;
    let id = id.into_inner();
    let now = state.clock.now();
    let (viewer, case) = state
        .write(caller, move |conn, viewer| {
            let case = load::<BidCase>(conn, viewer, &id, manage_bid, Lock::ForChange)?;
            ensure_open(&case, "takes no more partners")?;
            let mut errors = ValidationErrors::default();
            let invited = coops::find_by_slug(conn, &slug)?
                .filter(|coop| coop.membership.status == MembershipStatus::Approved);
            if invited.is_none() {
                errors.0.push(FieldError::new(
                    "/coop",
                    "must be the slug of an approved member co-op",
                ));
            }
            for (i, role) in offered.iter().enumerate() {
                if !case.roles.iter().any(|r| r.id == *role) {
                    errors.0.push(FieldError::new(
                        format!("/role_ids/{i}"),
                        "must be the id of one of the bid's roles",
                    ));
                }
            }
            let Some(invited) = invited.filter(|_| errors.0.is_empty()) else {
                return Err(errors.into());
            };
            let standing = case
                .members
                .iter()
                .find(|m| m.coop_id == invited.id)
                .map(|m| m.status);
            if standing.is_some_and(MemberStatus::in_consortium) {
                return Err(closed(format!(
                    "{} is in the consortium already",
                    invited.profile.name
                )));
            }
            bids::set_member(conn, id, invited.id, MemberStatus::Invited, now)?;
            roles::assign(conn, id, &offered, Some(invited.id))?;
            if let Some(lead) = case.coop(case.bid.lead_coop_id) {
                let coops = [lead, &invited];
                let kind = EventKind::BidInvited;
                tell::consortium(conn, viewer, &case.bid, coops, None, kind, now)?;
            }
            Ok(BidCase::of(conn, case.bid)?)
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/bids/{id}")));
    Ok(response.json(BidView::new(case, &viewer, now.date_naive())))
}

/// The invited co-op's admins accept (joining the consortium, named in the
/// bid from then on) or decline (its roles are freed, and it is left out of
/// this bid's suggestions).
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The bid's id"),
        ("slug" = String, Path, description = "The invited co-op's slug"),
    ),
    request_body = InvitationAnswer,
    responses(
        TokenRequired, JsonBody,
        (status = 200, description = "Answered", body = BidView),
        (status = 403, description = "Not an admin of the invited co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such bid or co-op (or not the caller's)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No open invitation for the co-op (`invitation_closed`), or the bid is closed (`bid_state`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bids/{id}/invitations/{slug}/answer")]
pub async fn answer_bid_invitation(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<(Uuid, String)>,
    body: Checked<InvitationAnswer>,
) -> Result<web::Json<BidView>, ApiError> {
    let accept = body.check(|body| Ok(body.accept))?;
    let (id, slug) = path.into_inner();
    let now = state.clock.now();
    let (viewer, case) = state
        .write(caller, move |conn, viewer| {
            let case = load::<BidCase>(conn, viewer, &id, read_bid, Lock::ForChange)?;
            let not_found = || ApiError::NotFound(format!("no invitation of {slug} to bid {id}"));
            let member = case
                .members
                .iter()
                .find(|m| case.coop(m.coop_id).is_some_and(|c| c.slug == slug))
                .ok_or_else(not_found)?;
            answer_invitation(viewer, &case.facts(), member.coop_id)
                .map_err(|denied| refused(denied, || format!("no bid {id}")))?;
            ensure_open(&case, "takes no more answers")?;
            if member.status != MemberStatus::Invited {
                return Err(closed(format!("{slug} has no open invitation to this bid")));
            }
            let coop = member.coop_id;
            let kind = if accept {
                bids::set_member(conn, id, coop, MemberStatus::Accepted, now)?;
                EventKind::BidAccepted
            } else {
                bids::set_member(conn, id, coop, MemberStatus::Declined, now)?;
                roles::free_roles_of(conn, id, coop)?;
                EventKind::BidDeclined
            };
            if let (Some(lead), Some(answering)) =
                (case.coop(case.bid.lead_coop_id), case.coop(coop))
            {
                let coordinator = case.coordinator_account;
                let coops = [lead, answering];
                tell::consortium(conn, viewer, &case.bid, coops, coordinator, kind, now)?;
            }
            Ok(BidCase::of(conn, case.bid)?)
        })
        .await?;
    Ok(web::Json(BidView::new(case, &viewer, now.date_naive())))
}
