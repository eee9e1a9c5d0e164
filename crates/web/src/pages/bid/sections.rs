//! The workspace's forms for the bid's writing: a section added, and a
//! section's state changed (the section is sent whole, as the API replaces
//! it).

use actix_web::{HttpRequest, HttpResponse, post, web};
use coophub_api::AppState;
use coophub_app::bidding::bids;
use coophub_domain::bidding::{SectionDraft, SectionInput, SectionStatus};
use serde::Deserialize;
use uuid::Uuid;

use super::after;
use crate::forms::{self, Notice, Typed};

/// A section as its forms send it.
#[derive(Debug, Deserialize)]
pub struct SectionForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    owner_coop: String,
    #[serde(default)]
    owner_person: Option<Uuid>,
    #[serde(default)]
    due: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    csrf: String,
}

impl SectionForm {
    /// What was sent, checked as the API checks a section.
    fn input(&self) -> Result<SectionInput, coophub_domain::ValidationErrors> {
        let mut typed = Typed::default();
        let draft = SectionDraft {
            title: self.title.clone(),
            owner_person: self.owner_person,
            due: typed.date("due", &self.due),
            status: serde_json::from_value::<SectionStatus>(self.status.clone().into()).ok(),
        };
        typed.and(SectionInput::parse(draft))
    }

    fn owner(&self) -> Option<String> {
        Some(self.owner_coop.trim().to_owned()).filter(|c| !c.is_empty())
    }
}

/// Adds the section (`section` none) or replaces it.
async fn put(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    id: Uuid,
    section: Option<Uuid>,
    form: SectionForm,
) -> HttpResponse {
    let typed = Notice::default()
        .typed("section_title", &form.title)
        .typed("section_due", &form.due);
    let now = state.clock.now();
    let csrf = form.csrf.clone();
    let outcome = forms::change(state, req, &csrf, move |conn, viewer| {
        let input = form.input()?;
        let owner = form.owner();
        bids::put_section(conn, viewer, id, section, owner.as_deref(), &input, now)
    })
    .await;
    after(req, state, id, outcome, "section", typed).await
}

/// `POST /bids/{id}/sections`: the consortium adds a section.
#[post("/bids/{id}/sections")]
pub async fn add_section(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<SectionForm>,
) -> HttpResponse {
    put(&req, &state, id.into_inner(), None, form.into_inner()).await
}

/// `POST /bids/{id}/sections/{section_id}`: a section's new state.
#[post("/bids/{id}/sections/{section_id}")]
pub async fn update_section(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    form: web::Form<SectionForm>,
) -> HttpResponse {
    let (id, section) = path.into_inner();
    put(&req, &state, id, Some(section), form.into_inner()).await
}
