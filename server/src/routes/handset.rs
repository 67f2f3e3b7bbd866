//! The simulated carrier's test handset: a page per number showing its
//! texts and letting a person answer a call and press keys. Development
//! and tests only (`Config::handset`); never in production.

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use crate::dev_seams;
use crate::error::AppResult;
use crate::markup::escape;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/dev/handset", get(page))
        .route("/dev/handset/calls/{id}/answer", post(answer))
        .route("/dev/handset/calls/{id}/key", post(key))
        .route("/dev/handset/calls/{id}/hang-up", post(hang_up))
}

#[derive(Deserialize)]
struct Number {
    #[serde(default)]
    number: String,
}

async fn page(
    State(state): State<AppState>,
    Query(Number { number }): Query<Number>,
) -> AppResult<Html<String>> {
    let number = number.trim().to_owned();
    let inbox = if number.is_empty() {
        Vec::new()
    } else {
        dev_seams::handset_inbox(&state, &number).await?
    };
    let q = escape(&urlencode(&number));
    let mut items = String::new();
    for entry in &inbox {
        if entry.kind == "text" {
            items.push_str(&format!(
                "<li class=\"text\"><h2>Text message</h2><p class=\"body\">{}</p></li>",
                escape(&entry.body)
            ));
            continue;
        }
        let id = escape(&entry.id);
        let mut actions = String::new();
        match entry.status.as_str() {
            "ringing" => {
                actions.push_str(&format!("<form method=\"post\" action=\"/dev/handset/calls/{id}/answer?number={q}\"><button>Answer</button></form>"));
                actions.push_str(&format!("<form method=\"post\" action=\"/dev/handset/calls/{id}/hang-up?number={q}\"><button>Decline</button></form>"));
            }
            "answered" => {
                actions.push_str(&format!(
                    "<p class=\"script\">{}</p><div role=\"group\" aria-label=\"Keypad\">",
                    escape(&entry.body)
                ));
                for k in ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"] {
                    actions.push_str(&format!(
                        "<form method=\"post\" action=\"/dev/handset/calls/{id}/key?number={q}\"><input type=\"hidden\" name=\"key\" value=\"{k}\"><button>{k}</button></form>"
                    ));
                }
                actions.push_str(&format!("</div><form method=\"post\" action=\"/dev/handset/calls/{id}/hang-up?number={q}\"><button>Hang up</button></form>"));
            }
            _ => actions.push_str(&format!(
                "<p>Call ended. Keys pressed: {}</p>",
                escape(&entry.keys_pressed)
            )),
        }
        let extension = entry
            .extension
            .as_deref()
            .map(|e| format!(" (extension {})", escape(e)))
            .unwrap_or_default();
        items.push_str(&format!(
            "<li class=\"call\"><h2>Incoming call{extension}: {}</h2>{actions}</li>",
            escape(&entry.status)
        ));
    }
    let title = if number.is_empty() {
        "Test handset".to_owned()
    } else {
        format!("Test handset {}", escape(&number))
    };
    Ok(Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><main>\
         <h1>{title}</h1><p>Development only: texts and calls of the simulated carrier.</p>\
         <form method=\"get\" action=\"/dev/handset\"><label for=\"number\">Number (E.164)</label> \
         <input id=\"number\" name=\"number\" value=\"{}\"><button>Open</button></form>\
         <ul>{items}</ul></main></body></html>",
        escape(&number)
    )))
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'.' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn back(number: &str) -> Response {
    Redirect::to(&format!("/dev/handset?number={}", urlencode(number))).into_response()
}

async fn answer(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Response> {
    Ok(back(&dev_seams::answer(&state, &id).await?))
}

#[derive(Deserialize)]
struct Key {
    key: String,
}

async fn key(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(Key { key }): Form<Key>,
) -> AppResult<Response> {
    Ok(back(&dev_seams::press(&state, &id, &key).await?))
}

async fn hang_up(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Response> {
    Ok(back(&dev_seams::hang_up(&state, &id).await?))
}
