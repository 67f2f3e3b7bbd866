//! What an administrator or the help desk does for one person (S40): name
//! and language, signing out everywhere, requiring re-registration,
//! removing the password, disabling, deleting; and what the person's page
//! shows of their sessions and activity.

use axum::http::{Method, StatusCode};
use models::{OrganizationId, PersonId};
use serde_json::json;

use crate::helpers::{Backend, Browser, PASSWORD, TestApp};
use crate::people::{admin_signed_in, id_of, signed_in_as};

crate::on_both_backends!(
    s40_the_help_desk_acts_for_members_only_in_every_person_action,
    require_registration_removes_the_two_step_methods_keeps_email_and_questions_and_signs_out,
    a_disabled_person_cannot_sign_in_in_any_way_until_enabled,
    s40_the_last_administrator_is_never_disabled_or_deleted_nor_oneself,
    s40_two_administrators_disabling_or_deleting_each_other_at_once_leave_one,
    a_deleted_person_is_gone_and_their_audit_stays,
    a_removed_password_no_longer_signs_in_and_the_person_is_signed_out,
    a_person_s_page_shows_their_sessions_and_their_activity_with_who_acted,
    the_name_and_language_are_edited_at_their_field_and_found_by_search,
    signing_a_person_out_everywhere_ends_every_session_of_theirs,
    the_people_list_says_status_readiness_and_last_sign_in,
    a_temporary_password_signs_in_to_choose_a_new_one_and_to_nothing_else,
    parallel_temporary_passwords_leave_one_that_signs_in,
);

async fn act(
    browser: &mut Browser,
    method: Method,
    path: &str,
    body: Option<serde_json::Value>,
) -> crate::helpers::Response {
    browser.send(method, path, body, &[]).await
}

/// Every person action, as (method, path below the person, body).
fn actions() -> Vec<(Method, &'static str, Option<serde_json::Value>)> {
    vec![
        (
            Method::PUT,
            "profile",
            Some(json!({ "display_name": "Renamed", "locale": "nl-NL" })),
        ),
        (Method::DELETE, "sessions", None),
        (Method::POST, "require-registration", None),
        (Method::DELETE, "password", None),
        (Method::POST, "temporary-password", None),
        (Method::PUT, "status", Some(json!({ "status": "disabled" }))),
        (Method::PUT, "status", Some(json!({ "status": "active" }))),
    ]
}

async fn s40_the_help_desk_acts_for_members_only_in_every_person_action(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut desk = signed_in_as(&app, "desk", models::Role::HelpDesk).await;
    let member = id_of(&app, &app.user("adele").await).await;
    let admin = id_of(&app, &app.admin("megan").await).await;
    signed_in_as(&app, "other.desk", models::Role::HelpDesk).await;
    let other_desk = id_of(&app, "other.desk@contoso.example").await;
    app.organization("fabrikam", &crate::helpers::test_policy())
        .await;
    let stranger = id_of(&app, &app.user_of("fabrikam", "lidia", false).await).await;
    for (method, action, body) in actions() {
        for id in [&admin, &other_desk] {
            let path = format!("/api/admin/people/{id}/{action}");
            let refused = act(&mut desk, method.clone(), &path, body.clone()).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{method} {action}");
        }
        let path = format!("/api/admin/people/{stranger}/{action}");
        let elsewhere = act(&mut desk, method.clone(), &path, body.clone()).await;
        assert_eq!(elsewhere.status, StatusCode::NOT_FOUND, "{method} {action}");
        let path = format!("/api/admin/people/{member}/{action}");
        let done = act(&mut desk, method.clone(), &path, body.clone()).await;
        assert!(
            done.status.is_success(),
            "{method} {action}: {}",
            done.status
        );
    }
    // Deleting is an administrator's, as adding is.
    let path = format!("/api/admin/people/{member}");
    let deleted = act(&mut desk, Method::DELETE, &path, None).await;
    assert_eq!(deleted.status, StatusCode::FORBIDDEN);
    // Nothing was done to the administrator or the other help desk.
    let megan = app
        .store
        .person_of(&OrganizationId::new("contoso"), &admin)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(megan.display_name, "megan");
    assert_eq!(megan.status, models::PersonStatus::Active);
    assert!(!megan.password_hash.is_empty());
    // A member acts for nobody.
    let mut lars = app.browser();
    let lars_account = app.user("lars").await;
    lars.sign_in(&lars_account, PASSWORD).await;
    let path = format!("/api/admin/people/{member}/sessions");
    assert_eq!(
        act(&mut lars, Method::DELETE, &path, None).await.status,
        StatusCode::FORBIDDEN
    );
    // Every action is in the audit, with the help desk as its actor.
    let recorded: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit WHERE subject_id = $1 AND user_id = $2")
            .bind(member.as_str())
            .bind(id_of(&app, "desk@contoso.example").await.as_str())
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(recorded, actions().len() as i64);
}

async fn methods_of(app: &TestApp, id: &PersonId) -> Vec<String> {
    let mut kinds: Vec<String> = sqlx::query_scalar("SELECT kind FROM methods WHERE user_id = $1")
        .bind(id.as_str())
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    kinds.sort();
    kinds
}

async fn require_registration_removes_the_two_step_methods_keeps_email_and_questions_and_signs_out(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let adele = app.user("adele").await;
    let id = id_of(&app, &adele).await;
    let mut browser = app.browser();
    browser.sign_in(&adele, PASSWORD).await;
    browser.register_phone("phone", "NL", "0612345678").await;
    for (kind, detail) in [
        ("email", "adele@fabrikam.example"),
        ("security-questions", ""),
    ] {
        sqlx::query(
            "INSERT INTO methods (id, user_id, kind, detail, data, created_at) VALUES ($1, $2, $3, $4, '{}', 0)",
        )
        .bind(format!("{kind}-1"))
        .bind(id.as_str())
        .bind(kind)
        .bind(detail)
        .execute(app.store.pool())
        .await
        .unwrap();
    }
    assert_eq!(
        methods_of(&app, &id).await,
        ["email", "phone", "security-questions"]
    );

    let path = format!("/api/admin/people/{id}/require-registration");
    let done = act(&mut admin, Method::POST, &path, None).await;
    assert_eq!(done.status, StatusCode::NO_CONTENT);
    assert_eq!(methods_of(&app, &id).await, ["email", "security-questions"]);
    let default: Option<String> =
        sqlx::query_scalar("SELECT default_method_id FROM users WHERE id = $1")
            .bind(id.as_str())
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(
        default, None,
        "the default phone is gone, and so is the default"
    );
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::UNAUTHORIZED,
        "signed out"
    );
    // At the next sign-in, Security info asks for a method again.
    let mut again = app.browser();
    assert_eq!(again.sign_in(&adele, PASSWORD).await.status, StatusCode::OK);
    let info = again.get("/api/me/security-info").await.json();
    assert_eq!(info["coverage"]["mfa_methods"], 0, "{info}");
}

async fn a_disabled_person_cannot_sign_in_in_any_way_until_enabled(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let adele = app.user("adele").await;
    let id = id_of(&app, &adele).await;
    let mut browser = app.browser();
    browser.sign_in(&adele, PASSWORD).await;
    let status = format!("/api/admin/people/{id}/status");
    let pass_path = format!("/api/admin/people/{id}/temporary-access-pass");
    let pass = admin
        .post(&pass_path, json!({ "one_time": false }))
        .await
        .json()["pass"]
        .as_str()
        .unwrap()
        .to_owned();

    let disabled = act(
        &mut admin,
        Method::PUT,
        &status,
        Some(json!({ "status": "disabled" })),
    )
    .await;
    assert_eq!(disabled.status, StatusCode::NO_CONTENT);
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::UNAUTHORIZED,
        "the session ended"
    );
    let mut fresh = app.browser();
    let refused = fresh.sign_in(&adele, PASSWORD).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.code(), "account-disabled");
    let with_pass = fresh.sign_in(&adele, &pass).await;
    assert_eq!(with_pass.code(), "account-disabled", "a pass neither");
    let wrong = fresh.sign_in(&adele, "not-the-password-at-all").await;
    assert_eq!(
        wrong.code(),
        "invalid-credentials",
        "a wrong password tells nothing of the account"
    );
    let page = admin.get(&format!("/api/admin/people/{id}")).await.json();
    assert_eq!(page["status"], "disabled");
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE user_id = $1")
        .bind(id.as_str())
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(sessions, 0);

    // A sign-in that opened its session as the person was being disabled
    // (the session written after the disabling ended the others) is
    // never read: no session of a disabled person is.
    let mut raced = app.browser();
    let enabled = act(
        &mut admin,
        Method::PUT,
        &status,
        Some(json!({ "status": "active" })),
    )
    .await;
    assert_eq!(enabled.status, StatusCode::NO_CONTENT);
    assert_eq!(raced.sign_in(&adele, PASSWORD).await.status, StatusCode::OK);
    sqlx::query("UPDATE users SET disabled_at = 1 WHERE id = $1")
        .bind(id.as_str())
        .execute(app.store.pool())
        .await
        .unwrap();
    assert_eq!(
        raced.get("/api/me/security-info").await.status,
        StatusCode::UNAUTHORIZED
    );

    let enabled = act(
        &mut admin,
        Method::PUT,
        &status,
        Some(json!({ "status": "active" })),
    )
    .await;
    assert_eq!(enabled.status, StatusCode::NO_CONTENT);
    assert_eq!(fresh.sign_in(&adele, PASSWORD).await.status, StatusCode::OK);
}

async fn s40_the_last_administrator_is_never_disabled_or_deleted_nor_oneself(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut megan = admin_signed_in(&app).await;
    let megan_id = id_of(&app, "megan@contoso.example").await;
    let own = [
        (
            Method::PUT,
            format!("/api/admin/people/{megan_id}/status"),
            Some(json!({ "status": "disabled" })),
        ),
        (
            Method::DELETE,
            format!("/api/admin/people/{megan_id}"),
            None,
        ),
    ];
    for (method, path, body) in own.clone() {
        let refused = act(&mut megan, method, &path, body).await;
        assert_eq!(refused.status, StatusCode::CONFLICT);
        assert_eq!(refused.code(), "own-account");
    }
    // Another administrator, who then finds megan the last one.
    let mut second = signed_in_as(&app, "second", models::Role::Administrator).await;
    let second_id = id_of(&app, "second@contoso.example").await;
    let path = format!("/api/admin/people/{second_id}/status");
    let disabled = act(
        &mut megan,
        Method::PUT,
        &path,
        Some(json!({ "status": "disabled" })),
    )
    .await;
    assert_eq!(disabled.status, StatusCode::NO_CONTENT);
    // The disabled administrator counts for nothing: megan is the last.
    let mut third = signed_in_as(&app, "third", models::Role::Administrator).await;
    let _ = &mut second;
    let path = format!("/api/admin/people/{megan_id}/status");
    assert_eq!(
        act(
            &mut third,
            Method::PUT,
            &path,
            Some(json!({ "status": "disabled" }))
        )
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    let third_id = id_of(&app, "third@contoso.example").await;
    let store = &app.store;
    let contoso = OrganizationId::new("contoso");
    assert_eq!(
        store
            .set_disabled(&contoso, &third_id, true, 0)
            .await
            .unwrap(),
        secinfo_server::store::Guarded::LastAdministrator
    );
    assert_eq!(
        store.delete_person(&contoso, &third_id).await.unwrap(),
        secinfo_server::store::Guarded::LastAdministrator
    );
    let person = store.person_of(&contoso, &third_id).await.unwrap().unwrap();
    assert_eq!(
        person.status,
        models::PersonStatus::Active,
        "nothing changed"
    );
}

async fn s40_two_administrators_disabling_or_deleting_each_other_at_once_leave_one(
    backend: Backend,
) {
    // At the statements themselves, many rounds: each change counts the
    // administrators left in its own transaction, and only the lock on the
    // organization keeps two of them from both counting the other.
    let app = TestApp::spawn(backend).await;
    let contoso = OrganizationId::new("contoso");
    for round in 0..20 {
        let first = app.admin(&format!("first{round}")).await;
        let second = app.admin(&format!("second{round}")).await;
        sqlx::query("UPDATE users SET is_admin = 0 WHERE account_name NOT IN ($1, $2)")
            .bind(&first)
            .bind(&second)
            .execute(app.store.pool())
            .await
            .unwrap();
        let ids = [id_of(&app, &first).await, id_of(&app, &second).await];
        let deleting = round % 2 == 1;
        let [a, b] = ids.map(|id| {
            let (store, contoso) = (app.store.clone(), contoso.clone());
            tokio::spawn(async move {
                match deleting {
                    true => store.delete_person(&contoso, &id).await.unwrap(),
                    false => store.set_disabled(&contoso, &id, true, 0).await.unwrap(),
                }
            })
        });
        let (a, b) = tokio::join!(a, b);
        let outcomes = [a.unwrap(), b.unwrap()];
        let administrators: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM users WHERE organization_id = 'contoso' AND is_admin = 1 AND disabled_at IS NULL",
        )
        .fetch_one(app.store.pool())
        .await
        .unwrap();
        assert_eq!(administrators, 1, "round {round}: {outcomes:?}");
        let done = outcomes
            .iter()
            .filter(|o| **o == secinfo_server::store::Guarded::Done)
            .count();
        assert_eq!(done, 1, "round {round}: {outcomes:?}");
        // The one left steps down for the next round's pair.
        sqlx::query("UPDATE users SET is_admin = 0")
            .execute(app.store.pool())
            .await
            .unwrap();
    }
}

async fn a_deleted_person_is_gone_and_their_audit_stays(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let adele = app.user("adele").await;
    let id = id_of(&app, &adele).await;
    let mut browser = app.browser();
    browser.sign_in(&adele, PASSWORD).await;
    browser.register_phone("phone", "NL", "0612345678").await;
    let audit_before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit WHERE user_id = $1")
        .bind(id.as_str())
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert!(audit_before > 0);

    let path = format!("/api/admin/people/{id}");
    assert_eq!(
        act(&mut admin, Method::DELETE, &path, None).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(admin.get(&path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        act(&mut admin, Method::DELETE, &path, None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.browser().sign_in(&adele, PASSWORD).await.code(),
        "invalid-credentials"
    );
    for table in ["sessions", "methods", "challenges"] {
        let statement = match table {
            "sessions" => "SELECT COUNT(*) FROM sessions WHERE user_id = $1",
            "methods" => "SELECT COUNT(*) FROM methods WHERE user_id = $1",
            _ => "SELECT COUNT(*) FROM challenges WHERE user_id = $1",
        };
        let left: i64 = sqlx::query_scalar(statement)
            .bind(id.as_str())
            .fetch_one(app.store.pool())
            .await
            .unwrap();
        assert_eq!(left, 0, "{table}");
    }
    let audit_after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit WHERE user_id = $1")
        .bind(id.as_str())
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(audit_after, audit_before, "their own lines stay");
    let deletion: String = sqlx::query_scalar(
        "SELECT detail FROM audit WHERE subject_id = $1 AND action = 'person-deleted'",
    )
    .bind(id.as_str())
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    assert_eq!(deletion, adele, "the deletion says whom");
    // The account can be given to someone new.
    let added = admin
        .post(
            "/api/admin/people",
            json!({ "account_name": adele, "display_name": "Adele", "pass": { "one_time": true } }),
        )
        .await;
    assert_eq!(added.status, StatusCode::OK);
}

async fn a_removed_password_no_longer_signs_in_and_the_person_is_signed_out(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let adele = app.user("adele").await;
    let id = id_of(&app, &adele).await;
    let mut browser = app.browser();
    browser.sign_in(&adele, PASSWORD).await;
    let path = format!("/api/admin/people/{id}/password");
    assert_eq!(
        act(&mut admin, Method::DELETE, &path, None).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.browser().sign_in(&adele, PASSWORD).await.code(),
        "invalid-credentials"
    );
    let page = admin.get(&format!("/api/admin/people/{id}")).await.json();
    assert_eq!(page["password"], "none");
}

async fn a_person_s_page_shows_their_sessions_and_their_activity_with_who_acted(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let adele = app.user("adele").await;
    let id = id_of(&app, &adele).await;
    let mut browser = app.browser();
    browser.sign_in(&adele, PASSWORD).await;
    browser.register_phone("phone", "NL", "0612345678").await;
    let pass_path = format!("/api/admin/people/{id}/temporary-access-pass");
    admin.post(&pass_path, json!({ "one_time": true })).await;

    let page = admin.get(&format!("/api/admin/people/{id}")).await.json();
    let sessions = page["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 1, "{page}");
    assert!(sessions[0]["address"].is_string());
    assert_eq!(page["last_sign_in"], crate::helpers::T0);
    let activity: Vec<(String, serde_json::Value)> = page["activity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| {
            (
                line["activity"].as_str().unwrap().to_owned(),
                line["by"].clone(),
            )
        })
        .collect();
    assert!(
        activity.contains(&("pass-issued".to_owned(), json!("megan"))),
        "{activity:?}"
    );
    assert!(
        activity.contains(&("method-added".to_owned(), serde_json::Value::Null)),
        "{activity:?}"
    );
    // The administrator's own page does not show what they did to others.
    let megan = id_of(&app, "megan@contoso.example").await;
    let theirs = admin
        .get(&format!("/api/admin/people/{megan}"))
        .await
        .json();
    let lines: Vec<&str> = theirs["activity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["activity"].as_str().unwrap())
        .collect();
    assert!(
        lines.contains(&"pass-issued"),
        "the actor's own line: {lines:?}"
    );
}

async fn the_name_and_language_are_edited_at_their_field_and_found_by_search(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let id = id_of(&app, &app.user("adele").await).await;
    let path = format!("/api/admin/people/{id}/profile");
    let empty = act(
        &mut admin,
        Method::PUT,
        &path,
        Some(json!({ "display_name": "  " })),
    )
    .await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    assert_eq!(empty.json()["field"], "display_name");
    let long = "x".repeat(models::DISPLAY_NAME_MAX_CHARS + 1);
    let too_long = act(
        &mut admin,
        Method::PUT,
        &path,
        Some(json!({ "display_name": long })),
    )
    .await;
    assert_eq!(too_long.code(), "display-name-too-long");
    let done = act(
        &mut admin,
        Method::PUT,
        &path,
        Some(json!({ "display_name": " Åsa Öberg ", "locale": "sv-SE" })),
    )
    .await;
    assert_eq!(done.status, StatusCode::NO_CONTENT);
    let page = admin.get(&format!("/api/admin/people/{id}")).await.json();
    assert_eq!(page["display_name"], "Åsa Öberg");
    assert_eq!(page["locale"], "sv-SE");
    let found = admin
        .post("/api/admin/people/search", json!({ "query": "obe" }))
        .await
        .json();
    assert_eq!(found["people"][0]["id"], id.as_str(), "{found}");
}

async fn signing_a_person_out_everywhere_ends_every_session_of_theirs(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let adele = app.user("adele").await;
    let id = id_of(&app, &adele).await;
    let mut browsers = Vec::new();
    for _ in 0..3 {
        let mut browser = app.browser();
        browser.sign_in(&adele, PASSWORD).await;
        browsers.push(browser);
    }
    let path = format!("/api/admin/people/{id}/sessions");
    assert_eq!(
        act(&mut admin, Method::DELETE, &path, None).await.status,
        StatusCode::NO_CONTENT
    );
    for browser in &mut browsers {
        assert_eq!(
            browser.get("/api/me/security-info").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        admin.get("/api/me/security-info").await.status,
        StatusCode::OK,
        "the administrator's own session stays"
    );
}

async fn the_people_list_says_status_readiness_and_last_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let adele = app.user("adele").await;
    let lars = app.user("lars").await;
    let mut browser = app.browser();
    browser.sign_in(&adele, PASSWORD).await;
    browser.register_phone("phone", "NL", "0612345678").await;
    app.clock.advance(60);
    let lars_id = id_of(&app, &lars).await;
    let status = format!("/api/admin/people/{lars_id}/status");
    act(
        &mut admin,
        Method::PUT,
        &status,
        Some(json!({ "status": "disabled" })),
    )
    .await;
    admin
        .post(
            "/api/admin/people",
            json!({
                "account_name": "zoe@contoso.example",
                "display_name": "Zoe",
                "pass": { "one_time": true },
                "invitation": "zoe@fabrikam.example",
            }),
        )
        .await;
    let page = admin
        .post("/api/admin/people/search", json!({}))
        .await
        .json();
    let row = |name: &str| {
        page["people"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["display_name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} in {page}"))
    };
    let adele_row = row("adele");
    assert_eq!(adele_row["ready"]["two_step"], true);
    assert_eq!(adele_row["methods"], json!(["phone"]));
    assert_eq!(adele_row["last_sign_in"], crate::helpers::T0);
    assert_eq!(adele_row["status"], "active");
    let lars_row = row("lars");
    assert_eq!(lars_row["status"], "disabled");
    assert_eq!(lars_row["ready"]["two_step"], false);
    assert_eq!(lars_row["ready"]["reset"], false);
    assert_eq!(lars_row["last_sign_in"], serde_json::Value::Null);
    assert_eq!(row("Zoe")["invited"], true);
    assert_eq!(adele_row["invited"], false);
}

const STRONG: &str = "Tulip-Harbor-Quiet-47";

async fn a_temporary_password_signs_in_to_choose_a_new_one_and_to_nothing_else(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let adele = app.user("adele").await;
    let id = id_of(&app, &adele).await;
    let mut before = app.browser();
    before.sign_in(&adele, PASSWORD).await;
    let path = format!("/api/admin/people/{id}/temporary-password");
    let given = act(&mut admin, Method::POST, &path, None).await;
    assert_eq!(given.status, StatusCode::OK);
    let temporary = given.json()["password"].as_str().unwrap().to_owned();
    assert!(temporary.chars().count() >= 16, "{temporary}");
    // Stored as a hash only; the sessions and the old password are over.
    let stored: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
        .bind(id.as_str())
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert!(stored.starts_with("$argon2id$") && !stored.contains(&temporary));
    assert_eq!(
        before.get("/api/me/security-info").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.browser().sign_in(&adele, PASSWORD).await.code(),
        "invalid-credentials"
    );
    let page = admin.get(&format!("/api/admin/people/{id}")).await.json();
    assert_eq!(page["password"], "temporary");
    // Not for oneself here, as removing one's password is not.
    let megan = id_of(&app, "megan@contoso.example").await;
    for (method, action) in [
        (Method::POST, "temporary-password"),
        (Method::DELETE, "password"),
    ] {
        let own = act(
            &mut admin,
            method,
            &format!("/api/admin/people/{megan}/{action}"),
            None,
        )
        .await;
        assert_eq!(own.code(), "own-account", "{action}");
    }

    // Signed in with it, the person chooses a new password and nothing else.
    let mut browser = app.browser();
    let signed_in = browser.sign_in(&adele, &temporary).await;
    assert_eq!(signed_in.status, StatusCode::OK);
    assert_eq!(signed_in.json()["user"]["password"], "temporary");
    for path in ["/api/me/security-info", "/api/me/temporary-access-pass"] {
        let refused = browser.get(path).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(refused.code(), "password-change-required", "{path}");
    }
    assert_eq!(
        browser
            .send(
                Method::PUT,
                "/api/me/locale",
                Some(json!({ "locale": "sv-SE" })),
                &[]
            )
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(browser.get("/api/me/password").await.status, StatusCode::OK);
    let changed = browser
        .send(
            Method::PUT,
            "/api/me/password",
            Some(json!({ "current_password": temporary, "new_password": STRONG })),
            &[],
        )
        .await;
    assert_eq!(
        changed.status,
        StatusCode::NO_CONTENT,
        "{}",
        String::from_utf8_lossy(&changed.body)
    );
    assert_eq!(
        browser.get("/api/me/security-info").await.status,
        StatusCode::OK
    );
    assert_eq!(browser.session().await["user"]["password"], "set");
    // The temporary password is spent; the new one signs in.
    assert_eq!(
        app.browser().sign_in(&adele, &temporary).await.code(),
        "invalid-credentials"
    );
    assert_eq!(
        app.browser().sign_in(&adele, STRONG).await.status,
        StatusCode::OK
    );
    let recorded: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit WHERE action = 'temporary-password-set' AND subject_id = $1",
    )
    .bind(id.as_str())
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    assert_eq!(recorded, 1);
}

async fn parallel_temporary_passwords_leave_one_that_signs_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = admin_signed_in(&app).await;
    let adele = app.user("adele").await;
    let id = id_of(&app, &adele).await;
    let path = format!("/api/admin/people/{id}/temporary-password");
    let gives = (0..5)
        .map(|_| {
            let mut admin = admin.clone();
            let path = path.clone();
            async move {
                let given = act(&mut admin, Method::POST, &path, None).await;
                assert_eq!(given.status, StatusCode::OK);
                given.json()["password"].as_str().unwrap().to_owned()
            }
        })
        .collect();
    let given = crate::helpers::futures_join_all(gives).await;
    // One of them is the person's password now (asked of the hash, not by
    // signing in, which four wrong passwords would throttle).
    let stored: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
        .bind(id.as_str())
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    let mut matching = 0;
    for password in &given {
        if secinfo_server::passwords::verify(password.clone(), Some(stored.clone()))
            .await
            .unwrap()
        {
            matching += 1;
        }
    }
    assert_eq!(matching, 1, "one of {given:?}");
}
