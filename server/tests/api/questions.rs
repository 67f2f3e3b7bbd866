//! Security questions through the API (S15, S16).

use axum::http::StatusCode;
use secinfo_server::policy::MethodRule;

use crate::helpers::{Backend, PASSWORD, TestApp};

crate::on_both_backends!(
    s16_answers_are_stored_only_as_argon2id_hashes,
    questions_follow_the_rules_and_are_not_for_admins,
    an_organizations_own_questions_come_as_written_in_each_language
);

async fn allow_questions(app: &TestApp) {
    let mut policy = crate::helpers::test_policy();
    policy
        .methods
        .push(MethodRule::full(models::MethodKind::SecurityQuestions));
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
}

fn body(pairs: &[(&str, &str)]) -> serde_json::Value {
    let answers: Vec<_> = pairs
        .iter()
        .map(|(q, a)| serde_json::json!({ "question": q, "answer": a }))
        .collect();
    serde_json::json!({ "answers": answers })
}

async fn s16_answers_are_stored_only_as_argon2id_hashes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    allow_questions(&app).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let choices = browser.get("/api/me/security-questions").await.json();
    assert_eq!(choices["required"], 3);
    assert!(choices["predefined"].as_array().unwrap().len() >= 3);
    let saved = browser
        .post(
            "/api/me/security-questions",
            body(&[
                ("city-born", "Den Haag"),
                ("first-pet", "Minoes"),
                ("first-car", "Saab 900"),
            ]),
        )
        .await;
    assert_eq!(
        saved.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&saved.body)
    );
    let info = saved.json();
    assert_eq!(info["methods"][0]["kind"], "security-questions");
    assert!(
        info["default_method"].is_null(),
        "never a default: password reset only"
    );
    // Questions alone do not make a reset possible.
    assert_eq!(info["coverage"]["sspr_methods"], 1);
    assert_eq!(info["coverage"]["sspr_missing"], 1);
    let data: String = sqlx::query_scalar("SELECT data FROM methods")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    for answer in ["den haag", "Den Haag", "minoes", "saab 900"] {
        assert!(!data.to_lowercase().contains(answer), "{data}");
    }
    assert_eq!(data.matches("$argon2id$").count(), 3);
    assert!(!info.to_string().contains("argon2"));
}

async fn questions_follow_the_rules_and_are_not_for_admins(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    allow_questions(&app).await;
    let account = app.user("adele").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let reused = browser
        .post(
            "/api/me/security-questions",
            body(&[
                ("city-born", "Utrecht"),
                ("first-pet", "utrecht"),
                ("first-car", "Saab"),
            ]),
        )
        .await;
    assert_eq!(
        reused.json(),
        serde_json::json!({ "code": "answer-reused", "field": "answer", "index": 1 })
    );
    let twice = browser
        .post(
            "/api/me/security-questions",
            body(&[
                ("city-born", "Utrecht"),
                ("city-born", "Minoes"),
                ("first-car", "Saab"),
            ]),
        )
        .await;
    assert_eq!(twice.json()["code"], "duplicate-question");
    assert!(
        browser.get("/api/me/security-info").await.json()["methods"]
            .as_array()
            .unwrap()
            .is_empty(),
        "nothing saved"
    );

    let admin = app.admin("megan").await;
    let mut admin_browser = app.browser();
    admin_browser.sign_in(&admin, PASSWORD).await;
    let info = admin_browser.get("/api/me/security-info").await.json();
    assert!(
        !info["addable"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("security-questions"))
    );
    let refused = admin_browser
        .post(
            "/api/me/security-questions",
            body(&[
                ("city-born", "Utrecht"),
                ("first-pet", "Minoes"),
                ("first-car", "Saab"),
            ]),
        )
        .await;
    assert_eq!(refused.code(), "method-unavailable");
}

/// Walk issue, item 13: an organization's own questions are kept as written
/// in each language, and one stored before (a plain string) still reads;
/// the page picks the language (`OwnQuestion::text_in`).
async fn an_organizations_own_questions_come_as_written_in_each_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut policy = crate::helpers::test_policy();
    policy
        .methods
        .push(MethodRule::full(models::MethodKind::SecurityQuestions));
    policy.security_questions.custom = serde_json::from_value(serde_json::json!([
        { "en": "Which office?", "nl-NL": "Welk kantoor?", "sv-SE": "Vilket kontor?" },
        "Which team?",
    ]))
    .unwrap();
    app.store
        .set_policy(&crate::helpers::contoso(), &policy)
        .await
        .unwrap();
    let account = app.user("sanne").await;
    let mut browser = app.browser();
    browser.sign_in(&account, PASSWORD).await;
    let choices = browser.get("/api/me/security-questions").await.json();
    assert_eq!(
        choices["custom"],
        serde_json::json!([
            { "id": "custom-0", "written": { "en": "Which office?", "nl-NL": "Welk kantoor?", "sv-SE": "Vilket kontor?" } },
            { "id": "custom-1", "written": "Which team?" },
        ])
    );
    // Answered like any other.
    let saved = browser
        .post(
            "/api/me/security-questions",
            body(&[
                ("custom-0", "Haarlem"),
                ("custom-1", "Blue"),
                ("first-pet", "Minoes"),
            ]),
        )
        .await;
    assert_eq!(
        saved.status,
        axum::http::StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&saved.body)
    );
}
