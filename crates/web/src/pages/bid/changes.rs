//! The workspace's forms that add to a bid: a role, an invitation and its
//! answer, a message, a document link.

use actix_web::{HttpRequest, HttpResponse, post, web};
use coophub_api::AppState;
use coophub_app::bidding::bids::{self, Invitation};
use coophub_app::bidding::messages::{self, BidMessageBody};
use coophub_domain::bidding::{DocumentInput, RoleDraft, RoleInput};
use serde::Deserialize;
use uuid::Uuid;

use super::after;
use crate::forms::{self, Notice, Typed};

/// A role as its form sends it: skills separated by commas, all at one level.
#[derive(Debug, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    skills: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    effort_days: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
    #[serde(default)]
    coop: String,
    #[serde(default)]
    csrf: String,
}

impl RoleForm {
    /// What was typed, checked as the API checks a role.
    fn input(&self) -> Result<RoleInput, coophub_domain::ValidationErrors> {
        let mut typed = Typed::default();
        let level = typed.whole("level", &self.level).unwrap_or(3);
        let draft = RoleDraft {
            title: self.title.clone(),
            skills: self
                .skills
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| (s.to_owned(), level))
                .collect(),
            effort_days: typed.whole("effort_days", &self.effort_days).unwrap_or(0),
            start: typed.date("start", &self.start),
            end: typed.date("end", &self.end),
            day_rate: None,
            lot_id: None,
        };
        typed.and(RoleInput::parse(draft))
    }

    fn typed(&self) -> Notice {
        Notice::default()
            .typed("role_title", &self.title)
            .typed("role_skills", &self.skills)
            .typed("role_effort", &self.effort_days)
            .typed("role_start", &self.start)
            .typed("role_end", &self.end)
    }
}

/// `POST /bids/{id}/roles`: the lead adds a role.
#[post("/bids/{id}/roles")]
pub async fn add_role(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<RoleForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let form = form.into_inner();
    let typed = form.typed();
    let now = state.clock.now();
    let coop = Some(form.coop.trim().to_owned()).filter(|c| !c.is_empty());
    let csrf = form.csrf.clone();
    let outcome = forms::change(&state, &req, &csrf, move |conn, viewer| {
        let input = form.input()?;
        bids::add_role(conn, viewer, id, coop.as_deref(), &input, now)
    })
    .await;
    after(&req, &state, id, outcome, "role", typed).await
}

/// An invitation: a co-op, perhaps to a role, with a message.
#[derive(Debug, Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    coop: String,
    #[serde(default)]
    role_id: Option<Uuid>,
    #[serde(default)]
    message: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /bids/{id}/invitations`: the lead invites a co-op.
#[post("/bids/{id}/invitations")]
pub async fn invite(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<InviteForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let InviteForm {
        coop,
        role_id,
        message,
        csrf,
    } = form.into_inner();
    let typed = Notice::default()
        .typed("invite_coop", &coop)
        .typed("invite_message", &message);
    let now = state.clock.now();
    let outcome = forms::change(&state, &req, &csrf, move |conn, viewer| {
        let offered: Vec<Uuid> = role_id.into_iter().collect();
        let invitation = Invitation {
            slug: coop.trim(),
            offered: &offered,
            message: Some(message.trim()).filter(|m| !m.is_empty()),
        };
        bids::invite(conn, viewer, id, &invitation, now)
    })
    .await;
    after(&req, &state, id, outcome, "invited", typed).await
}

/// An invited co-op's answer: `accept` is `yes` or `no`.
#[derive(Debug, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    accept: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /bids/{id}/invitations/{slug}/answer`: the invited co-op's admins answer.
#[post("/bids/{id}/invitations/{slug}/answer")]
pub async fn answer(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, String)>,
    form: web::Form<AnswerForm>,
) -> HttpResponse {
    let (id, slug) = path.into_inner();
    let AnswerForm { accept, csrf } = form.into_inner();
    let accept = accept == "yes";
    let now = state.clock.now();
    let outcome = forms::change(&state, &req, &csrf, move |conn, viewer| {
        bids::answer_invitation(conn, viewer, id, &slug, accept, now)
    })
    .await;
    after(&req, &state, id, outcome, "answered", Notice::default()).await
}

/// A message of the bid's conversation, to everyone who reads it or to one
/// invited co-op (`to`).
#[derive(Debug, Deserialize)]
pub struct MessageForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /bids/{id}/messages`.
#[post("/bids/{id}/messages")]
pub async fn post_message(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<MessageForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let MessageForm { text, to, csrf } = form.into_inner();
    let typed = Notice::default().typed("message_text", &text);
    let now = state.clock.now();
    let body = BidMessageBody {
        text,
        to: Some(to.trim().to_owned()).filter(|to| !to.is_empty()),
    };
    let outcome = forms::change(&state, &req, &csrf, move |conn, viewer| {
        messages::post(conn, viewer, id, &body, now)
    })
    .await;
    after(&req, &state, id, outcome, "message", typed).await
}

/// A link to one of the bid's documents.
#[derive(Debug, Deserialize)]
pub struct DocumentForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /bids/{id}/documents`.
#[post("/bids/{id}/documents")]
pub async fn add_document(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<DocumentForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let DocumentForm { title, url, csrf } = form.into_inner();
    let typed = Notice::default()
        .typed("document_title", &title)
        .typed("document_url", &url);
    let now = state.clock.now();
    let outcome = forms::change(&state, &req, &csrf, move |conn, viewer| {
        let input = DocumentInput::parse(&title, &url, None)?;
        bids::add_document(conn, viewer, id, &input, now)
    })
    .await;
    after(&req, &state, id, outcome, "document", typed).await
}
