//! Temporary Access Passes (S33) and the command line's bootstrap (S41).

use axum::http::StatusCode;
use models::AccountName;
use secinfo_server::bootstrap::{Bootstrap, BootstrapError, bootstrap};
use secinfo_server::temporary_access_pass::{self, Issuer};

use crate::helpers::{Backend, PASSWORD, TestApp, count, futures_join_all};

crate::on_both_backends!(
    s41_bootstrap_creates_an_organization_whose_administrator_signs_in_with_the_pass,
    s41_bootstrap_refuses_an_organization_that_exists_and_changes_nothing,
    s41_parallel_bootstraps_of_one_organization_create_one,
    an_organization_has_several_domains_and_its_people_are_in_one_of_them,
    s41_a_new_pass_for_a_locked_out_administrator_replaces_the_old,
    s33_the_pass_is_stored_only_as_a_digest,
    s33_a_one_time_pass_signs_in_once,
    s33_parallel_sign_ins_with_a_one_time_pass_open_one_session,
    s33_a_multi_use_pass_signs_in_until_it_expires,
    s33_the_session_a_pass_started_ends_when_it_expires,
    s33_the_session_a_pass_started_ends_when_it_is_revoked_or_replaced,
    s33_a_lifetime_outside_the_policy_is_refused,
    a_person_without_a_password_is_signed_in_by_no_password,
    a_pass_does_not_take_a_password_s_place_for_anyone_else,
    the_person_sees_their_pass_and_deleting_it_ends_the_session_it_began,
    a_person_without_a_password_sets_one_without_a_current_one,
);

fn fabrikam() -> Bootstrap {
    Bootstrap {
        organization: "Fabrikam".into(),
        domain: "fabrikam.example".into(),
        other_domains: Vec::new(),
        admin: "megan.bowen@fabrikam.example".into(),
        display_name: "Megan Bowen".into(),
        new_pass: false,
    }
}

async fn person(app: &TestApp, account: &str) -> secinfo_server::store::UserRecord {
    app.store
        .user_by_account_name(&AccountName::parse(account).unwrap())
        .await
        .unwrap()
        .unwrap()
}

/// Gives the person of `account` a pass as an administrator would.
pub(crate) async fn pass_for(
    app: &TestApp,
    account: &str,
    minutes: Option<i64>,
    one_time: bool,
) -> String {
    let person = person(app, account).await;
    let admin = models::PersonId::new("an-administrator");
    temporary_access_pass::issue(
        &app.state,
        &person,
        Issuer::Administrator(&admin),
        minutes,
        one_time,
    )
    .await
    .unwrap()
    .pass
}

async fn sessions_of(app: &TestApp, account: &str) -> i64 {
    let person = person(app, account).await;
    sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE user_id = $1")
        .bind(person.id.as_str())
        .fetch_one(app.store.pool())
        .await
        .unwrap()
}

async fn s41_bootstrap_creates_an_organization_whose_administrator_signs_in_with_the_pass(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let done = bootstrap(&app.state, &fabrikam()).await.unwrap();
    assert!(done.created);
    assert_eq!(done.pass.pass.len(), 12, "the default policy's length");
    assert_eq!(done.pass.lifetime_minutes, 60, "an hour");
    assert!(done.pass.one_time);
    assert!(done.sign_in_address.ends_with("/signin"));
    let admin = person(&app, "megan.bowen@fabrikam.example").await;
    assert!(admin.is_admin);
    assert_eq!(admin.organization_name, "Fabrikam");
    assert_eq!(admin.password_hash, "", "no password until they set one");

    let mut browser = app.browser();
    let response = browser
        .sign_in("megan.bowen@fabrikam.example", &done.pass.pass)
        .await;
    assert_eq!(response.status, StatusCode::OK);
    let json = response.json();
    assert_eq!(json["user"]["is_admin"], true);
    assert_eq!(
        json["verification_required"], false,
        "the pass is both steps"
    );
    assert_eq!(json["step_up_required"], false);
    let info = browser.get("/api/me/security-info").await;
    assert_eq!(info.status, StatusCode::OK, "Security info opens at once");
    let trail = app.store.audit_of_user(&admin.id).await.unwrap();
    let actions: Vec<&str> = trail.iter().map(|(action, _, _)| action.as_str()).collect();
    for action in ["organization-created", "pass-issued", "signed-in"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
}

async fn s41_bootstrap_refuses_an_organization_that_exists_and_changes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    bootstrap(&app.state, &fabrikam()).await.unwrap();
    let before = app.row_counts().await;
    let again = bootstrap(&app.state, &fabrikam()).await;
    assert!(
        matches!(again, Err(BootstrapError::Exists(..))),
        "{again:?}"
    );
    let another_admin = Bootstrap {
        admin: "lidia@fabrikam.example".into(),
        ..fabrikam()
    };
    let again = bootstrap(&app.state, &another_admin).await;
    assert!(
        matches!(again, Err(BootstrapError::Exists(..))),
        "{again:?}"
    );
    // Contoso's domain is taken by the test organization.
    let contoso = Bootstrap {
        domain: "contoso.example".into(),
        admin: "new.admin@contoso.example".into(),
        ..fabrikam()
    };
    let again = bootstrap(&app.state, &contoso).await;
    assert!(
        matches!(again, Err(BootstrapError::Exists(..))),
        "{again:?}"
    );
    assert_eq!(app.row_counts().await, before, "nothing was written");
    let outside = Bootstrap {
        domain: "tailspin.example".into(),
        ..fabrikam()
    };
    let refused = bootstrap(&app.state, &outside).await;
    assert!(
        matches!(refused, Err(BootstrapError::OutsideDomain(_))),
        "{refused:?}"
    );
    assert_eq!(app.row_counts().await, before);
}

async fn s41_parallel_bootstraps_of_one_organization_create_one(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let runs = (0..10)
        .map(|_| {
            let state = app.state.clone();
            async move { bootstrap(&state, &fabrikam()).await.is_ok() }
        })
        .collect();
    let created = futures_join_all(runs).await;
    assert_eq!(created.iter().filter(|c| **c).count(), 1);
    let organizations: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM organizations WHERE account_domain = 'fabrikam.example'",
    )
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    assert_eq!(organizations, 1);
}

async fn s41_a_new_pass_for_a_locked_out_administrator_replaces_the_old(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = bootstrap(&app.state, &fabrikam()).await.unwrap();
    let glass = Bootstrap {
        admin: "megan.bowen@fabrikam.example".into(),
        new_pass: true,
        ..fabrikam()
    };
    let second = bootstrap(&app.state, &glass).await.unwrap();
    assert!(!second.created);
    assert_ne!(first.pass.pass, second.pass.pass);
    let mut browser = app.browser();
    let old = browser
        .sign_in("megan.bowen@fabrikam.example", &first.pass.pass)
        .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED, "the old pass is gone");
    let new = browser
        .sign_in("megan.bowen@fabrikam.example", &second.pass.pass)
        .await;
    assert_eq!(new.status, StatusCode::OK);
    // Nobody but an administrator gets one this way.
    let account = app.user("adele").await;
    let not_admin = Bootstrap {
        admin: account,
        new_pass: true,
        ..fabrikam()
    };
    let refused = bootstrap(&app.state, &not_admin).await;
    assert!(
        matches!(refused, Err(BootstrapError::NotAnAdministrator(_))),
        "{refused:?}"
    );
}

async fn s33_the_pass_is_stored_only_as_a_digest(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let pass = pass_for(&app, &account, None, true).await;
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT id, digest FROM temporary_access_passes")
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    assert_eq!(rows.len(), 1);
    let (id, digest) = &rows[0];
    assert!(!digest.contains(&pass) && !id.contains(&pass));
    assert_ne!(digest, &pass);
    let mut browser = app.browser();
    assert_eq!(
        browser.sign_in(&account, &pass).await.status,
        StatusCode::OK
    );
    let audit: Vec<String> = sqlx::query_scalar("SELECT detail FROM audit")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert!(audit.iter().all(|d| !d.contains(&pass)), "{audit:?}");
}

async fn s33_a_one_time_pass_signs_in_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let pass = pass_for(&app, &account, None, true).await;
    let mut first = app.browser();
    assert_eq!(first.sign_in(&account, &pass).await.status, StatusCode::OK);
    let mut second = app.browser();
    let again = second.sign_in(&account, &pass).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
    assert_eq!(again.code(), "invalid-credentials");
    // The first session goes on until the pass expires.
    assert!(!first.session().await["user"].is_null());
    // The password still signs in beside it.
    assert_eq!(
        second.sign_in(&account, PASSWORD).await.status,
        StatusCode::OK
    );
}

async fn s33_parallel_sign_ins_with_a_one_time_pass_open_one_session(backend: Backend) {
    // The sign-in's throttle would stop all but three: every attempt here
    // must reach the pass itself.
    let app = TestApp::spawn_with(backend, |config| {
        config.signin.account_failures = 100;
        config.signin.address_failures = 100;
    })
    .await;
    let account = app.user("adele").await;
    let pass = pass_for(&app, &account, None, true).await;
    let before = sessions_of(&app, &account).await;
    let attempts = (0..20)
        .map(|_| {
            let mut browser = app.browser();
            let (account, pass) = (account.clone(), pass.clone());
            async move { browser.sign_in(&account, &pass).await.status }
        })
        .collect();
    let statuses = futures_join_all(attempts).await;
    assert_eq!(count(&statuses, StatusCode::OK), 1, "{statuses:?}");
    assert_eq!(count(&statuses, StatusCode::UNAUTHORIZED), 19);
    assert_eq!(sessions_of(&app, &account).await, before + 1);
}

async fn s33_a_multi_use_pass_signs_in_until_it_expires(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let pass = pass_for(&app, &account, Some(30), false).await;
    for _ in 0..3 {
        let mut browser = app.browser();
        assert_eq!(
            browser.sign_in(&account, &pass).await.status,
            StatusCode::OK
        );
    }
    app.clock.advance(30 * 60);
    let mut late = app.browser();
    assert_eq!(
        late.sign_in(&account, &pass).await.status,
        StatusCode::UNAUTHORIZED
    );
}

async fn s33_the_session_a_pass_started_ends_when_it_expires(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let pass = pass_for(&app, &account, Some(20), true).await;
    let mut browser = app.browser();
    browser.sign_in(&account, &pass).await;
    let mut by_password = app.browser();
    by_password.sign_in(&account, PASSWORD).await;
    // Kept alive by use, it still ends with the pass.
    for _ in 0..3 {
        app.clock.advance(6 * 60);
        assert!(!browser.session().await["user"].is_null());
    }
    app.clock.advance(2 * 60);
    assert!(browser.session().await["user"].is_null());
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert!(
        !by_password.session().await["user"].is_null(),
        "a password's session is not the pass's"
    );
}

async fn s33_the_session_a_pass_started_ends_when_it_is_revoked_or_replaced(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let admin = models::PersonId::new("an-administrator");
    let mut browser = app.browser();
    browser
        .sign_in(&account, &pass_for(&app, &account, None, true).await)
        .await;
    assert!(!browser.session().await["user"].is_null());
    let id = person(&app, &account).await.id;
    temporary_access_pass::revoke(&app.state, &id, Issuer::Administrator(&admin))
        .await
        .unwrap();
    assert!(browser.session().await["user"].is_null(), "revoked");

    let mut browser = app.browser();
    browser
        .sign_in(&account, &pass_for(&app, &account, None, true).await)
        .await;
    assert!(!browser.session().await["user"].is_null());
    pass_for(&app, &account, None, true).await;
    assert!(browser.session().await["user"].is_null(), "replaced");
}

async fn s33_a_lifetime_outside_the_policy_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let person = person(&app, &account).await;
    let admin = models::PersonId::new("an-administrator");
    for minutes in [5, 9 * 60, 31 * 24 * 60] {
        let refused = temporary_access_pass::issue(
            &app.state,
            &person,
            Issuer::Administrator(&admin),
            Some(minutes),
            true,
        )
        .await;
        let Err(error) = refused else {
            panic!("{minutes} minutes were allowed");
        };
        let secinfo_server::error::AppError::Refused { error, .. } = error else {
            panic!("{minutes} minutes failed instead of being refused");
        };
        assert_eq!(error.code, models::ErrorCode::PassLifetimeOutOfBounds);
        assert_eq!(error.field, Some(models::Field::Lifetime));
    }
    let none: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM temporary_access_passes")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(none, 0);
}

async fn a_person_without_a_password_is_signed_in_by_no_password(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    bootstrap(&app.state, &fabrikam()).await.unwrap();
    let mut browser = app.browser();
    for typed in ["x", PASSWORD, "$argon2id$"] {
        let refused = browser.sign_in("megan.bowen@fabrikam.example", typed).await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "{typed}");
        assert_eq!(refused.code(), "invalid-credentials");
    }
}

async fn a_pass_does_not_take_a_password_s_place_for_anyone_else(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let adele = app.user("adele").await;
    let bert = app.user("bert").await;
    let pass = pass_for(&app, &adele, None, false).await;
    let mut browser = app.browser();
    let refused = browser.sign_in(&bert, &pass).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(browser.sign_in(&adele, &pass).await.status, StatusCode::OK);
}

async fn the_person_sees_their_pass_and_deleting_it_ends_the_session_it_began(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let account = app.user("adele").await;
    let mut by_password = app.browser();
    by_password.sign_in(&account, PASSWORD).await;
    assert!(
        by_password
            .get("/api/me/temporary-access-pass")
            .await
            .json()
            .is_null()
    );
    let pass = pass_for(&app, &account, None, true).await;
    let mut by_pass = app.browser();
    by_pass.sign_in(&account, &pass).await;
    let seen = by_pass.get("/api/me/temporary-access-pass").await.json();
    assert_eq!(seen["one_time"], true);
    assert_eq!(seen["this_session"], true);
    assert_eq!(seen["expires_at"], crate::helpers::T0 + 3600);
    assert!(seen.get("pass").is_none() && !seen.to_string().contains(&pass));
    let other = by_password
        .get("/api/me/temporary-access-pass")
        .await
        .json();
    assert_eq!(other["this_session"], false);

    let deleted = by_password
        .send(
            axum::http::Method::DELETE,
            "/api/me/temporary-access-pass",
            None,
            &[],
        )
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert!(
        by_pass.session().await["user"].is_null(),
        "its session ended"
    );
    assert!(!by_password.session().await["user"].is_null());
    let again = by_password
        .send(
            axum::http::Method::DELETE,
            "/api/me/temporary-access-pass",
            None,
            &[],
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    let id = person(&app, &account).await.id;
    let trail = app.store.audit_of_user(&id).await.unwrap();
    assert!(trail.iter().any(|(action, _, _)| action == "pass-revoked"));
}

async fn a_person_without_a_password_sets_one_without_a_current_one(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let done = bootstrap(&app.state, &fabrikam()).await.unwrap();
    let account = "megan.bowen@fabrikam.example";
    let mut browser = app.browser();
    let signed_in = browser.sign_in(account, &done.pass.pass).await.json();
    assert_eq!(signed_in["user"]["password"], "none");
    let new = "violet anchor maple drizzle 42";
    let set = browser
        .send(
            axum::http::Method::PUT,
            "/api/me/password",
            Some(serde_json::json!({ "current_password": "", "new_password": new })),
            &[],
        )
        .await;
    assert_eq!(set.status, StatusCode::NO_CONTENT, "{:?}", set.json());
    let mut later = app.browser();
    let response = later.sign_in(account, new).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.json()["user"]["password"], "set");
    // From now on the current one is asked for.
    let refused = later
        .send(
            axum::http::Method::PUT,
            "/api/me/password",
            Some(serde_json::json!({ "current_password": "", "new_password": "another maple anchor 43" })),
            &[],
        )
        .await;
    assert_eq!(refused.code(), "password-required");
}

async fn an_organization_has_several_domains_and_its_people_are_in_one_of_them(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let two = Bootstrap {
        other_domains: vec!["@Northwind.example".into()],
        ..fabrikam()
    };
    let done = bootstrap(&app.state, &two).await.unwrap();
    let mut admin = app.browser();
    let signed_in = admin
        .sign_in("megan.bowen@fabrikam.example", &done.pass.pass)
        .await;
    assert_eq!(signed_in.status, StatusCode::OK);
    let add = |account: &str| {
        serde_json::json!({
            "account_name": account,
            "display_name": "Zoë Dubois",
            "pass": { "one_time": true },
        })
    };
    let added = admin
        .post("/api/admin/people", add("zoe@northwind.example"))
        .await;
    assert_eq!(added.status, StatusCode::OK, "the second domain");
    let outside = admin
        .post("/api/admin/people", add("zoe@tailspin.example"))
        .await;
    assert_eq!(outside.code(), "account-outside-domain");
    // Another organization cannot have either domain.
    let before = app.row_counts().await;
    let taken = Bootstrap {
        organization: "Northwind".into(),
        domain: "northwind.example".into(),
        admin: "nancy@northwind.example".into(),
        ..fabrikam()
    };
    let refused = bootstrap(&app.state, &taken).await;
    assert!(
        matches!(refused, Err(BootstrapError::Exists(..))),
        "{refused:?}"
    );
    assert_eq!(app.row_counts().await, before, "nothing was written");
}
