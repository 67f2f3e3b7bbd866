//! Routing by endpoint description (`models::endpoints`): a route takes its
//! method and path from the one description the client and the OpenAPI
//! description use too, so none of them can name another path.

use axum::Router;
use axum::handler::Handler;
use axum::routing::{MethodFilter, on};
use models::endpoints::{Endpoint, Method};

use crate::state::AppState;

pub trait ApiRouter {
    /// Routes `handler` at `endpoint`'s method and path.
    #[must_use]
    fn endpoint<E: Endpoint, H: Handler<T, AppState>, T: 'static>(
        self,
        endpoint: E,
        handler: H,
    ) -> Self;
}

impl ApiRouter for Router<AppState> {
    fn endpoint<E: Endpoint, H: Handler<T, AppState>, T: 'static>(self, _: E, handler: H) -> Self {
        let filter = match E::METHOD {
            Method::Get => MethodFilter::GET,
            Method::Post => MethodFilter::POST,
            Method::Put => MethodFilter::PUT,
            Method::Delete => MethodFilter::DELETE,
        };
        self.route(E::PATH, on(filter, handler))
    }
}
