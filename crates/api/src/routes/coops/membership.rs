//! `POST /api/v1/coops/{slug}/membership`: membership decisions.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use coophub_app::directory::coops::{MembershipDecision, decide_membership};
use coophub_domain::coop::{FundContribution, MembershipAction};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{CoopView, coop_response};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::extract::Json;
use crate::problem::{ApiError, JsonBody, NoSuchCoop, Problem, TokenRequired, Versioned};
use crate::state::AppState;

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
        TokenRequired, JsonBody, Versioned, NoSuchCoop,
        (status = 200, description = "Decision recorded", body = CoopView),
        (status = 403, description = "Not allowed to make this decision", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The decision does not apply to the current status", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/coops/{slug}/membership")]
pub async fn change_membership(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Json<MembershipRequest>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let decision = match body.0 {
        MembershipRequest::Invite => MembershipDecision::Move(MembershipAction::Invite),
        MembershipRequest::Approve { founding } => {
            MembershipDecision::Move(MembershipAction::Approve { founding })
        }
        MembershipRequest::Accept => MembershipDecision::Move(MembershipAction::Accept),
        MembershipRequest::Lapse => MembershipDecision::Move(MembershipAction::Lapse),
        MembershipRequest::Remove => MembershipDecision::Move(MembershipAction::Remove),
        MembershipRequest::SetFundContribution { fund_contribution } => {
            MembershipDecision::SetFundContribution(fund_contribution)
        }
    };
    let now = state.clock.now();
    let (viewer, coop) = state
        .write(caller, move |conn, viewer| {
            Ok(decide_membership(
                conn,
                viewer,
                &slug,
                expected.as_ref(),
                decision,
                now,
            )?)
        })
        .await?;
    Ok(coop_response(StatusCode::OK, coop, &viewer, now))
}
