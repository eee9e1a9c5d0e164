//! `POST /api/v1/opportunities`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_domain::bidding::{
    MAX_BUYER_NAME, MAX_DESCRIPTION, MAX_REGION, MAX_TITLE, ManualTender, TenderValue, cpv_codes,
    tender_amount,
};
use coophub_domain::skills::SkillName;
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::bidding::opportunities::{self, Source, Upserted};

use super::{ManualOpportunity, OpportunityView, adder};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// The checked tender and its extra skills, every problem at its pointer.
fn checked(body: ManualOpportunity) -> Result<(ManualTender, Vec<SkillName>), ApiError> {
    let mut errors = ValidationErrors::default();
    let title = body.title.trim().to_owned();
    if title.is_empty() || title.chars().count() > MAX_TITLE {
        errors.0.push(FieldError::new(
            "/title",
            format!("must be 1 to {MAX_TITLE} characters long"),
        ));
    }
    let description = body.description.unwrap_or_default().trim().to_owned();
    if description.chars().count() > MAX_DESCRIPTION {
        errors.0.push(FieldError::new(
            "/description",
            format!("must be at most {MAX_DESCRIPTION} characters long"),
        ));
    }
    let buyer_name = errors.optional_text(body.buyer_name, "/buyer_name", MAX_BUYER_NAME);
    let region = errors.optional_text(body.region, "/region", MAX_REGION);
    let cpv = cpv_codes(&body.cpv, "/cpv", &mut errors);
    let skills: Vec<SkillName> = body
        .skills
        .iter()
        .enumerate()
        .filter_map(|(i, skill)| errors.check(SkillName::parse(skill, &format!("/skills/{i}"))))
        .collect();
    let value = body
        .value
        .as_ref()
        .and_then(|money| tender_amount(&money.into(), &mut errors))
        .map(|money| TenderValue {
            amount: money.amount,
            gross: None,
            currency: money.currency,
        });
    let deadline = coophub_domain::dates::check_instant(body.deadline, "/deadline", &mut errors);
    let tender = ManualTender {
        title,
        description,
        buyer_name,
        region,
        deadline,
        value,
        cpv,
        suitable_for_sme: body.suitable_for_sme,
        suitable_for_vcse: body.suitable_for_vcse,
    };
    errors.finish(|| Some((tender, skills))).map_err(Into::into)
}

/// Network admins and admins of member co-ops enter a tender by hand.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    request_body = ManualOpportunity,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Entered", body = OpportunityView),
        (status = 403, description = "Not a network admin or an admin of a member co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/opportunities")]
pub async fn create_opportunity(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<ManualOpportunity>,
) -> Result<HttpResponse, ApiError> {
    let (tender, skills) = body.check(checked)?;
    let now = state.clock.now();
    let release = tender.into_release(format!("coophub-{}", uuid::Uuid::new_v4()), now);
    let (_, found) = state
        .write(caller, move |conn, viewer| {
            let source = Source {
                manual: true,
                provenance: adder(viewer)?,
            };
            let id = match coophub_app::bidding::opportunities::upsert(
                conn, &release, &skills, source, now,
            )? {
                Upserted::Created(id)
                | Upserted::Updated(id)
                | Upserted::Unchanged(id)
                | Upserted::Kept(id) => id,
            };
            opportunities::find(conn, id)?
                .ok_or_else(|| ApiError::internal("the opportunity just written is gone"))
        })
        .await?;
    let view = OpportunityView::new(found, now);
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/opportunities/{}", view.id)));
    Ok(response.json(view))
}
