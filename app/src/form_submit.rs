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
            // back, and the next step finds its controls enabled. (The
            // form may be gone already: signing out takes its page away.)
            busy.try_set(false);
            match answer {
                Ok(answer) => answered(answer),
                Err(refusal) => refused(refusal),
            }
        });
    }
}

/// Which of a form's requests is still awaited. Going back abandons the one
/// under way (a code sent while the person moved on to another way): what
/// arrives for it is dropped, as it would take away what they chose since.
#[derive(Clone, Copy)]
pub struct Latest(StoredValue<u32>);

impl Default for Latest {
    fn default() -> Self {
        Latest::new()
    }
}

impl Latest {
    pub fn new() -> Latest {
        Latest(StoredValue::new(0))
    }

    fn next(self) -> u32 {
        self.0.update_value(|n| *n = n.wrapping_add(1));
        self.0.get_value()
    }

    fn is(self, attempt: u32) -> bool {
        self.0.try_get_value() == Some(attempt)
    }
}

impl FormSubmit {
    /// As `send_or`, for a request that `abandon` may leave behind: its
    /// answer is acted on only if it is still the latest.
    pub fn send_latest<T: 'static>(
        self,
        latest: Latest,
        request: impl Future<Output = ApiResult<T>> + 'static,
        answered: impl FnOnce(T) + 'static,
        refused: impl FnOnce(ApiError) + 'static,
    ) {
        let this = latest.next();
        self.busy.set(true);
        self.error.set(None);
        let busy = self.busy;
        leptos::task::spawn_local(async move {
            let answer = request.await;
            if !latest.is(this) {
                return;
            }
            busy.try_set(false);
            match answer {
                Ok(answer) => answered(answer),
                Err(refusal) => refused(refusal),
            }
        });
    }

    /// Stops waiting for the request under way, and clears its refusal.
    pub fn abandon(self, latest: Latest) {
        latest.next();
        self.busy.set(false);
        self.error.set(None);
    }
}
