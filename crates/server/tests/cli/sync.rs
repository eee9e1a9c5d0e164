//! `coophub sync ocds --url URL`: three pages from a local OCDS API, a run
//! that stops when page 2 fails, a run that resumes there, and a run that
//! asks only for what changed since.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use coophub_testkit::{Backend, TestDatabase, backend_tests};
use serde_json::{Value, json};

use crate::helpers::{coophub, stderr, stdout};

backend_tests!(a_sync_follows_next_links_resumes_after_a_failure_and_asks_for_changes);

/// What the fake API was asked, and whether page 2 should still fail.
#[derive(Default)]
struct Api {
    asked: Mutex<Vec<String>>,
    page_two_fails: AtomicBool,
}

fn package(base: &str, page: u32) -> Value {
    let release = json!({
        "ocid": format!("ocds-test-sync-{page}"),
        "id": format!("ocds-test-sync-{page}-1"),
        "date": format!("2026-11-0{page}T09:00:00Z"),
        "tag": ["tender"],
        "tender": {"id": "1", "title": format!("Synced tender {page}"),
                   "tenderPeriod": {"endDate": "2027-06-30T12:00:00Z"}},
    });
    let mut body = json!({"uri": format!("{base}/ocds?page={page}"), "version": "1.1",
                          "publishedDate": "2026-11-05T00:00:00Z", "releases": [release]});
    if page < 3 {
        body["links"] = json!({"next": format!("/ocds?page={}", page + 1)});
    }
    body
}

async fn serve_page(request: HttpRequest, api: web::Data<Api>) -> HttpResponse {
    let base = format!("http://{}", request.connection_info().host());
    api.asked.lock().unwrap().push(request.uri().to_string());
    let query = request.query_string();
    if query.contains("updatedFrom") {
        return HttpResponse::Ok().json(json!({"uri": "x", "version": "1.1", "releases": []}));
    }
    let page = query
        .strip_prefix("page=")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1);
    if page == 2 && api.page_two_fails.swap(false, Ordering::SeqCst) {
        return HttpResponse::ServiceUnavailable().finish();
    }
    HttpResponse::Ok().json(package(&base, page))
}

/// Starts the fake API on its own thread; answers its base URL.
fn start_api(api: Arc<Api>) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let data = web::Data::from(api);
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            HttpServer::new(move || {
                App::new()
                    .app_data(data.clone())
                    .route("/ocds", web::get().to(serve_page))
            })
            .workers(1)
            .listen(listener)
            .unwrap()
            .run()
            .await
        })
    });
    base
}

async fn a_sync_follows_next_links_resumes_after_a_failure_and_asks_for_changes(backend: Backend) {
    let db = TestDatabase::create(backend);
    let api = Arc::new(Api::default());
    api.page_two_fails.store(true, Ordering::SeqCst);
    let base = start_api(api.clone());
    let url = format!("{base}/ocds");
    let sync = || {
        coophub(&db)
            .args(["sync", "ocds", "--url", &url])
            .output()
            .unwrap()
    };

    let output = sync();
    assert!(!output.status.success(), "page 2 failed");
    let said = stderr(&output);
    assert!(
        said.contains("stopped at page 2")
            && said.contains("resumes there")
            && said.contains("503"),
        "{said}"
    );

    let output = sync();
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    assert!(
        printed.contains(&format!("resumed at {base}/ocds?page=2")),
        "{printed}"
    );
    assert!(printed.contains("pages: 2"), "{printed}");
    assert!(printed.contains("opportunities: 2 created"), "{printed}");
    assert_eq!(
        *api.asked.lock().unwrap(),
        ["/ocds", "/ocds?page=2", "/ocds?page=2", "/ocds?page=3"],
        "page 1 is not fetched again"
    );

    let output = sync();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("pages: 1"));
    let last = api.asked.lock().unwrap().last().cloned().unwrap();
    assert_eq!(
        last, "/ocds?updatedFrom=2026-11-03T09%3A00%3A00Z",
        "since the newest release"
    );

    let listed = coophub(&db).args(["export"]).output().unwrap();
    let backup = stdout(&listed);
    assert_eq!(backup.matches("\"table\":\"opportunities\"").count(), 3);
    assert!(
        backup.contains("\"table\":\"ocds_sync_cursors\""),
        "the position is in backups"
    );
}
