//! The baseline behind HTTP: an actix server of the same shape as coophub's
//! (two workers, a pooled connection per request on the blocking pool, JSON
//! out), so that the comparison is of the engines, not of the servers.

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool};

use super::answer::{Query, search};

type PgPool = Pool<ConnectionManager<PgConnection>>;

/// Prepares the baseline's statements on every new connection.
#[derive(Debug)]
struct Prepare;

impl CustomizeConnection<PgConnection, diesel::r2d2::Error> for Prepare {
    fn on_acquire(&self, conn: &mut PgConnection) -> Result<(), diesel::r2d2::Error> {
        // Both searches end with the same answer: hits, total and facets.
        let statements =
            include_str!("prepare.sql").replace("{answer}", include_str!("answer.sql"));
        conn.batch_execute(&statements)
            .map_err(diesel::r2d2::Error::QueryError)
    }
}

async fn handle(request: HttpRequest, pool: web::Data<PgPool>) -> HttpResponse {
    let query = Query::parse(request.query_string());
    let answer = web::block(move || -> anyhow::Result<serde_json::Value> {
        let mut conn = pool.get()?;
        Ok(search(&mut conn, &query)?)
    })
    .await;
    match answer {
        Ok(Ok(answer)) => HttpResponse::Ok().json(answer),
        Ok(Err(error)) => HttpResponse::InternalServerError().body(error.to_string()),
        Err(error) => HttpResponse::InternalServerError().body(error.to_string()),
    }
}

/// Serves `GET /api/v1/search` from the baseline in the PostgreSQL database
/// at `url`, on `bind`, until the process is stopped; prints the address.
pub fn serve(url: &str, bind: &str) -> anyhow::Result<()> {
    let pool = Pool::builder()
        .max_size(10)
        .connection_customizer(Box::new(Prepare))
        .build(ConnectionManager::<PgConnection>::new(url))?;
    let pool = web::Data::new(pool);
    actix_web::rt::System::new().block_on(async move {
        let server = HttpServer::new(move || {
            App::new()
                .app_data(pool.clone())
                .route("/api/v1/search", web::get().to(handle))
        })
        .bind(bind)?;
        for address in server.addrs() {
            println!("listening on {address}");
        }
        server.run().await
    })?;
    Ok(())
}
