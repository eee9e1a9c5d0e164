//! `POST /api/v1/coops/{slug}/membership`: membership decisions.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use coophub_domain::access;
use coophub_domain::coop::{FundContribution, MembershipAction};
use coophub_domain::notify::EventKind;
use coophub_store::coops;
use serde::Deserialize;
use utoipa::ToSchema;

use super::{CoopRule, CoopView, coop_response, coop_to_change};
use crate::auth::Caller;
use crate::etag::expected_version;
use crate::extract::Json;
use crate::problem::{ApiError, Code, JsonBody, Problem, SignedIn, Versioned};
use crate::state::AppState;
use coophub_app::telling::tell;

/// A membership decision.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case", tag = "action", deny_unknown_fields)]
pub enum MembershipRequest {
    /// Network admins: invite the co-op; the invitation lapses after 60 days.
    Invite,
    /// Network admins: approve the co-op.
    Approve {
        /// A founding member of the network.
        #[serde(default)]
        founding: bool,
    },
    /// The co-op's admins: accept an open invitation.
    Accept,
    /// Network admins: mark the co-op as no longer a member.
    Lapse,
    /// Network admins: remove the co-op from the network.
    Remove,
    /// Network admins: record whether the co-op pays into the (optional) network fund.
    SetFundContribution {
        /// `paying`, `non_paying`, or null for unknown.
        fund_contribution: Option<FundContribution>,
    },
}

/// Records a membership decision and answers the co-op.
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The co-op's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag this decision is based on"),
    ),
    request_body = MembershipRequest,
    responses(
        SignedIn, JsonBody, Versioned,
        (status = 200, description = "Decision recorded", body = CoopView),
        (status = 403, description = "Not allowed to make this decision", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The decision does not apply to the current status", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/coops/{slug}/membership")]
pub async fn change_membership(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    body: Json<MembershipRequest>,
) -> Result<HttpResponse, ApiError> {
    let caller = caller.require_token()?;
    let expected = expected_version(&req)?;
    let request = body.0;
    // The co-op's admins accept an invitation; every other decision is the network's.
    let rule: CoopRule = match request {
        MembershipRequest::Accept => access::administer_coop,
        _ => access::decide_membership,
    };
    let now = state.clock.now();
    let (viewer, outcome) = state
        .write(caller, move |conn, viewer| {
            let coop = coop_to_change(conn, viewer, &slug, rule)?;
            let outcome = coops::set_membership(
                conn,
                &coop.slug,
                expected.as_ref(),
                |membership| {
                    let action = match request {
                        MembershipRequest::SetFundContribution { fund_contribution } => {
                            let mut next = membership.clone();
                            next.fund_contribution = fund_contribution;
                            return Ok(next);
                        }
                        MembershipRequest::Invite => MembershipAction::Invite,
                        MembershipRequest::Approve { founding } => {
                            MembershipAction::Approve { founding }
                        }
                        MembershipRequest::Accept => MembershipAction::Accept,
                        MembershipRequest::Lapse => MembershipAction::Lapse,
                        MembershipRequest::Remove => MembershipAction::Remove,
                    };
                    membership.apply(action, now)
                },
                now,
            )?;
            let told = match request {
                MembershipRequest::Invite => Some(EventKind::MembershipInvited),
                MembershipRequest::Approve { .. } => Some(EventKind::MembershipApproved),
                _ => None,
            };
            if let (Ok(changed), Some(kind)) = (&outcome, told) {
                tell::membership(conn, viewer, changed, kind, now)?;
            }
            Ok(outcome)
        })
        .await?;
    let coop = outcome.map_err(|error| {
        ApiError::conflict_at(Code::InvalidTransition, "/action", error.to_string())
    })?;
    Ok(coop_response(StatusCode::OK, coop, &viewer, now))
}
