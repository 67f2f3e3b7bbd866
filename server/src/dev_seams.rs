//! The development and test seams as a tester uses them: the simulated
//! carrier's handset (the texts a number got, answering a call, pressing
//! a key, hanging up) and the dev mailbox. Mounted only where the
//! configuration allows them (`Config::handset`, the dev mailer); never in
//! production.

use crate::error::{AppError, AppResult};
use crate::providers::telephony::CallEvent;
use crate::state::AppState;
use crate::store::{MailboxEntry, SimEntry};
use crate::verification;

/// The texts and calls a number got, newest first.
pub async fn handset_inbox(state: &AppState, number: &str) -> AppResult<Vec<SimEntry>> {
    Ok(state.store.sim_inbox(number).await?)
}

/// The emails an address got, newest first.
pub async fn mailbox(state: &AppState, address: &str) -> AppResult<Vec<MailboxEntry>> {
    Ok(state.store.mailbox(address).await?)
}

async fn call_entry(state: &AppState, id: &str) -> AppResult<SimEntry> {
    state
        .store
        .sim_entry(id)
        .await?
        .filter(|e| e.kind == "call")
        .ok_or_else(AppError::not_found)
}

/// Answers a ringing call. Returns the number called.
pub async fn answer(state: &AppState, call_id: &str) -> AppResult<String> {
    let entry = call_entry(state, call_id).await?;
    if entry.status == "ringing" {
        state.store.sim_update(call_id, "answered", "").await?;
        if let Some(challenge) = &entry.challenge_id {
            verification::on_call(state, challenge, [CallEvent::Answered]).await?;
        }
    }
    Ok(entry.to_number)
}

/// Presses a key on an answered call, which gathers one key and then
/// ends. Returns the number called.
pub async fn press(state: &AppState, call_id: &str, key: &str) -> AppResult<String> {
    let entry = call_entry(state, call_id).await?;
    let Some(pressed) = key
        .chars()
        .next()
        .filter(|c| c.is_ascii_digit() || *c == '#' || *c == '*')
    else {
        return Err(AppError::not_found());
    };
    if entry.status == "answered" {
        let keys = format!("{}{pressed}", entry.keys_pressed);
        state.store.sim_update(call_id, "ended", &keys).await?;
        if let Some(challenge) = &entry.challenge_id {
            verification::on_call(state, challenge, [CallEvent::Key(pressed)]).await?;
        }
    }
    Ok(entry.to_number)
}

/// Hangs up (or declines) a call. Returns the number called.
pub async fn hang_up(state: &AppState, call_id: &str) -> AppResult<String> {
    let entry = call_entry(state, call_id).await?;
    if entry.status != "ended" {
        state
            .store
            .sim_update(call_id, "ended", &entry.keys_pressed)
            .await?;
        if let Some(challenge) = &entry.challenge_id {
            verification::on_call(state, challenge, [CallEvent::HungUp]).await?;
        }
    }
    Ok(entry.to_number)
}
