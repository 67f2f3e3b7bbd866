//! The dev mailbox: a page per address showing the emails sent to it.
//! Development and tests only (`Config::dev_mailbox`); never in production.

use axum::Router;
use axum::extract::{Query, State};
use axum::response::Html;
use axum::routing::get;
use serde::Deserialize;

use crate::dev_seams;
use crate::error::AppResult;
use crate::markup::escape;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/dev/mailbox", get(page))
}

#[derive(Deserialize)]
struct Address {
    #[serde(default)]
    address: String,
}

async fn page(
    State(state): State<AppState>,
    Query(Address { address }): Query<Address>,
) -> AppResult<Html<String>> {
    let address = address.trim().to_owned();
    let inbox = if address.is_empty() {
        Vec::new()
    } else {
        dev_seams::mailbox(&state, &address).await?
    };
    let mut items = String::new();
    for mail in &inbox {
        items.push_str(&format!(
            "<li class=\"mail\"><h2 class=\"subject\">{}</h2><pre class=\"body\">{}</pre></li>",
            escape(&mail.subject),
            escape(&mail.body)
        ));
    }
    let title = if address.is_empty() {
        "Dev mailbox".to_owned()
    } else {
        format!("Dev mailbox {}", escape(&address))
    };
    Ok(Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><main>\
         <h1>{title}</h1><p>Development only: the emails secinfo sent, newest first.</p>\
         <form method=\"get\" action=\"/dev/mailbox\"><label for=\"address\">Email address</label> \
         <input id=\"address\" name=\"address\" type=\"email\" value=\"{}\"><button>Open</button></form>\
         <ul>{items}</ul></main></body></html>",
        escape(&address)
    )))
}
