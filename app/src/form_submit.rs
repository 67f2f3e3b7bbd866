//! One way every form sends its request: busy while it runs (the submit
//! button shows a spinner and is disabled), never twice at once, the last
//! refusal cleared as it starts, and a refusal shown where the form shows
//! errors unless the form takes it itself.

use std::future::Future;

use leptos::prelude::*;
use models::{ApiError, ErrorCode};

use crate::api::ApiResult;

/// A form's request under way, and its refusal.
#[derive(Clone, Copy)]
pub struct FormSubmit {
    pub busy: RwSignal<bool>,
    pub error: RwSignal<Option<ApiError>>,
}

impl Default for FormSubmit {
    fn default() -> Self {
        FormSubmit::new()
    }
}

impl FormSubmit {
    pub fn new() -> FormSubmit {
        FormSubmit {
            busy: RwSignal::new(false),
            error: RwSignal::new(None),
        }
    }

    /// Sends `request` unless one is under way; `answered` gets its
    /// answer, and a refusal is shown.
    pub fn send<T: 'static>(
        self,
        request: impl Future<Output = ApiResult<T>> + 'static,
        answered: impl FnOnce(T) + 'static,
    ) {
        let error = self.error;
        self.send_or(request, answered, move |e| error.set(Some(e)));
    }

    /// What to do with a refusal when the thing acted on may be gone already
    /// (deleted in another tab): `not-found` calls `stale`, which refreshes
    /// the page and says so; anything else is shown.
    pub fn unless_stale(self, stale: Option<Callback<()>>) -> impl FnOnce(ApiError) + Copy {
        let error = self.error;
        move |refusal: ApiError| match stale {
            Some(stale) if refusal.code == ErrorCode::NotFound => stale.run(()),
            _ => error.set(Some(refusal)),
        }
    }

    /// As `send`, with the refusal handed to `refused` (which may show it,
    /// or act on it instead).
    pub fn send_or<T: 'static>(
        self,
        request: impl Future<Output = ApiResult<T>> + 'static,
        answered: impl FnOnce(T) + 'static,
        refused: impl FnOnce(ApiError) + 'static,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.error.set(None);
        let busy = self.busy;
        leptos::task::spawn_local(async move {
            let answer = request.await;
            // Over before it is acted on: a refused field can take focus
            // back, and the next step finds its controls enabled.
            busy.set(false);
            match answer {
                Ok(answer) => answered(answer),
                Err(refusal) => refused(refusal),
            }
        });
    }
}
