//! People, for their organization's administrators, and the passes they
//! issue (S33).

use axum::http::{Method, StatusCode};
use models::{AccountName, OrganizationId, PersonId};
use serde_json::json;

use crate::helpers::{Backend, Browser, PASSWORD, T0, TestApp, futures_join_all, test_policy};

crate::on_both_backends!(
    the_search_by_a_word_reads_the_words_index_on_both_databases,
    people_from_before_the_words_index_are_found_once_the_server_starts,
    a_renamed_person_is_found_by_their_new_name_only,
    a_word_many_people_have_finds_them_in_order_a_page_at_a_time,
    s33_an_administrator_issues_a_pass_only_to_people_of_their_organization,
    s33_people_and_their_passes_are_for_administrators_only,
    s33_a_revoked_pass_ends_its_session_and_is_gone,
    s33_parallel_passes_for_one_person_leave_one_that_signs_in,
    the_search_finds_people_by_account_or_any_word_of_their_name_whatever_the_accents,
    the_search_comes_in_pages,
    a_person_s_page_shows_their_methods_masked_and_their_pass,
    an_administrator_adds_a_person_who_signs_in_with_their_first_pass,
    a_person_is_added_only_with_an_account_in_the_domain_a_name_and_a_lifetime_allowed,
    parallel_adds_of_one_account_create_one_person,
    s40_the_help_desk_gives_passes_to_members_only,
    s40_the_help_desk_adds_nobody_gives_no_roles_and_has_no_policy,
    s40_roles_are_given_by_administrators_and_the_last_one_stays,
    s40_two_administrators_demoting_each_other_at_once_leave_one,
);

pub(crate) async fn id_of(app: &TestApp, account: &str) -> PersonId {
    app.store
        .user_by_account_name(&AccountName::parse(account).unwrap())
        .await
        .unwrap()
        .unwrap()
        .id
}

pub(crate) async fn admin_signed_in(app: &TestApp) -> Browser {
    let admin = app.admin("megan").await;
    let mut browser = app.browser();
    assert_eq!(
        browser.sign_in(&admin, PASSWORD).await.status,
        StatusCode::OK
    );
    browser
}

async fn issue(
    browser: &mut Browser,
    id: &PersonId,
    body: serde_json::Value,
) -> crate::helpers::Response {
    browser
        .post(
            &format!("/api/admin/people/{id}/temporary-access-pass"),
            body,
        )
        .await
}

/// A person of Contoso with a name, a password hash and a role of their own.
async fn insert_person(
    app: &TestApp,
    account: &str,
    display_name: &str,
    hash: &str,
    role: models::Role,
) {
    let account = AccountName::parse(account).unwrap();
    let created = app
        .store
        .insert_user(
            secinfo_server::store::NewUser {
                id: &PersonId::new(secinfo_server::secret::new_id().unwrap()),
                organization_id: &OrganizationId::new("contoso"),
                account_name: &account,
                display_name,
                password_hash: hash,
                locale: None,
                role,
            },
            T0,
        )
        .await
        .unwrap();
    assert!(created);
}

/// A member of Contoso with a name of their own.
async fn named(app: &TestApp, account: &str, display_name: &str) {
    insert_person(app, account, display_name, "", models::Role::Member).await;
}

async fn s33_an_administrator_issues_a_pass_only_to_people_of_their_organization(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let adele = app.user("adele").await;
    app.organization("fabrikam", &test_policy()).await;
    let stranger = app.user_of("fabrikam", "lidia", false).await;

    let elsewhere = issue(
        &mut admin,
        &id_of(&app, &stranger).await,
        json!({ "one_time": true }),
    )
    .await;
    assert_eq!(
        elsewhere.status,
        StatusCode::NOT_FOUND,
        "another organization's person"
    );
    let seen = admin
        .get(&format!(
            "/api/admin/people/{}",
            id_of(&app, &stranger).await
        ))
        .await;
    assert_eq!(seen.status, StatusCode::NOT_FOUND);
    let none: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM temporary_access_passes")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(none, 0);

    let issued = issue(
        &mut admin,
        &id_of(&app, &adele).await,
        json!({ "lifetime_minutes": 30, "one_time": true }),
    )
    .await;
    assert_eq!(issued.status, StatusCode::OK);
    let issued = issued.json();
    let pass = issued["pass"].as_str().unwrap().to_owned();
    assert_eq!(pass.len(), 12);
    assert_eq!(issued["expires_at"], T0 + 30 * 60);
    let mut adele_browser = app.browser();
    assert_eq!(
        adele_browser.sign_in(&adele, &pass).await.status,
        StatusCode::OK
    );

    let out_of_bounds = issue(
        &mut admin,
        &id_of(&app, &adele).await,
        json!({ "lifetime_minutes": 5, "one_time": true }),
    )
    .await;
    assert_eq!(out_of_bounds.status, StatusCode::BAD_REQUEST);
    assert_eq!(out_of_bounds.code(), "pass-lifetime-out-of-bounds");
    assert_eq!(out_of_bounds.json()["field"], "lifetime");

    // The administrator's own trail says whose pass they issued.
    let trail = app
        .store
        .audit_of_user(&id_of(&app, "megan@contoso.example").await)
        .await
        .unwrap();
    assert!(trail.iter().any(|(action, _, _)| action == "pass-issued"));
}

async fn s33_people_and_their_passes_are_for_administrators_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let adele = app.user("adele").await;
    let bert = app.user("bert").await;
    let mut browser = app.browser();
    browser.sign_in(&bert, PASSWORD).await;
    let id = id_of(&app, &adele).await;
    let search = browser
        .post("/api/admin/people/search", json!({ "query": "" }))
        .await;
    assert_eq!(search.status, StatusCode::FORBIDDEN);
    assert_eq!(
        browser.get(&format!("/api/admin/people/{id}")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        issue(&mut browser, &id, json!({ "one_time": true }))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let revoke = browser
        .send(
            Method::DELETE,
            &format!("/api/admin/people/{id}/temporary-access-pass"),
            None,
            &[],
        )
        .await;
    assert_eq!(revoke.status, StatusCode::FORBIDDEN);
    let mut nobody = app.browser();
    nobody.session().await;
    let anonymous = nobody
        .post("/api/admin/people/search", json!({ "query": "" }))
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}

async fn s33_a_revoked_pass_ends_its_session_and_is_gone(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let adele = app.user("adele").await;
    let id = id_of(&app, &adele).await;
    let pass = issue(&mut admin, &id, json!({ "one_time": false }))
        .await
        .json()["pass"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut by_pass = app.browser();
    by_pass.sign_in(&adele, &pass).await;
    assert!(!by_pass.session().await["user"].is_null());
    let path = format!("/api/admin/people/{id}/temporary-access-pass");
    let revoked = admin.send(Method::DELETE, &path, None, &[]).await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    assert!(by_pass.session().await["user"].is_null());
    let mut again = app.browser();
    assert_eq!(
        again.sign_in(&adele, &pass).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        admin.send(Method::DELETE, &path, None, &[]).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn s33_parallel_passes_for_one_person_leave_one_that_signs_in(backend: Backend) {
    let app = TestApp::spawn_with(backend, |config| {
        config.signin.account_failures = 100;
        config.signin.address_failures = 100;
    })
    .await;
    let admin = admin_signed_in(&app).await;
    let adele = app.user("adele").await;
    let id = id_of(&app, &adele).await;
    let issuing = (0..10)
        .map(|_| {
            let mut admin = admin.clone();
            let id = id.clone();
            async move {
                issue(&mut admin, &id, json!({ "one_time": true }))
                    .await
                    .json()["pass"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            }
        })
        .collect();
    let passes = futures_join_all(issuing).await;
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM temporary_access_passes")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(rows, 1);
    let mut working = 0;
    for pass in &passes {
        let mut browser = app.browser();
        if browser.sign_in(&adele, pass).await.status == StatusCode::OK {
            working += 1;
        }
    }
    assert_eq!(working, 1, "exactly the pass that stayed");
}

async fn the_search_finds_people_by_account_or_any_word_of_their_name_whatever_the_accents(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    named(&app, "bjorn@contoso.example", "Björn Ångström").await;
    named(&app, "zoe.d@contoso.example", "Zoë Dubois").await;
    named(&app, "ann_x@contoso.example", "Ann Percent%").await;
    app.organization("fabrikam", &test_policy()).await;
    app.user_of("fabrikam", "angela", false).await;
    let found = |page: serde_json::Value| -> Vec<String> {
        page["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["account_name"].as_str().unwrap().to_owned())
            .collect()
    };
    for (typed, expected) in [
        ("ANGS", vec!["bjorn@contoso.example"]),
        ("ångström", vec!["bjorn@contoso.example"]),
        ("zoe", vec!["zoe.d@contoso.example"]),
        ("dub", vec!["zoe.d@contoso.example"]),
        ("BJÖRN@", vec!["bjorn@contoso.example"]),
        ("ann_", vec!["ann_x@contoso.example"]),
        ("%", vec![]),
        ("_", vec![]),
        ("nobody", vec![]),
    ] {
        let page = admin
            .post("/api/admin/people/search", json!({ "query": typed }))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(found(page.json()), expected, "{typed}");
    }
    let everyone = found(
        admin
            .post("/api/admin/people/search", json!({}))
            .await
            .json(),
    );
    assert_eq!(
        everyone.len(),
        4,
        "Contoso's four, not Fabrikam's: {everyone:?}"
    );
}

async fn the_search_comes_in_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    for n in 0..30 {
        named(
            &app,
            &format!("p{n:02}@contoso.example"),
            &format!("Person {n:02}"),
        )
        .await;
    }
    let first = admin
        .post("/api/admin/people/search", json!({ "query": "person" }))
        .await
        .json();
    assert_eq!(first["people"].as_array().unwrap().len(), 25);
    assert_eq!(first["more"], true);
    assert_eq!(first["people"][0]["display_name"], "Person 00");
    let second = admin
        .post(
            "/api/admin/people/search",
            json!({ "query": "person", "page": 1 }),
        )
        .await
        .json();
    assert_eq!(second["people"].as_array().unwrap().len(), 5);
    assert_eq!(second["more"], false);
    assert_eq!(second["people"][4]["display_name"], "Person 29");
}

async fn a_person_s_page_shows_their_methods_masked_and_their_pass(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let adele = app.user("adele").await;
    let mut own = app.browser();
    own.sign_in(&adele, PASSWORD).await;
    own.register_phone("phone", "NL", "0612345678").await;
    let id = id_of(&app, &adele).await;
    let person = admin.get(&format!("/api/admin/people/{id}")).await;
    assert_eq!(person.status, StatusCode::OK);
    let person = person.json();
    assert_eq!(person["account_name"], adele);
    assert_eq!(person["password"], "set");
    assert_eq!(person["methods"][0]["kind"], "phone");
    let detail = person["methods"][0]["detail"].as_str().unwrap();
    assert!(
        detail.contains('•') && !detail.contains("12345"),
        "{detail}"
    );
    assert!(person["pass"].is_null());
    assert_eq!(person["pass_lifetime"]["default_minutes"], 60);
    issue(&mut admin, &id, json!({ "one_time": false })).await;
    let person = admin.get(&format!("/api/admin/people/{id}")).await.json();
    assert_eq!(person["pass"]["one_time"], false);
    assert_eq!(person["pass"]["expires_at"], T0 + 3600);
    let listed = admin
        .post("/api/admin/people/search", json!({ "query": "adele" }))
        .await
        .json();
    assert_eq!(listed["people"][0]["has_pass"], true);
    assert_eq!(listed["people"][0]["methods"], json!(["phone"]));
}

fn adding(account: &str, name: &str) -> serde_json::Value {
    json!({
        "account_name": account,
        "display_name": name,
        "locale": "sv-SE",
        "pass": { "lifetime_minutes": 60, "one_time": true },
    })
}

async fn an_administrator_adds_a_person_who_signs_in_with_their_first_pass(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let added = admin
        .post(
            "/api/admin/people",
            adding("Zoe.Dubois@Contoso.example", "  Zoë Dubois "),
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{:?}", added.json());
    let added = added.json();
    let pass = added["pass"]["pass"].as_str().unwrap().to_owned();
    let person = app
        .store
        .user_by_account_name(&AccountName::parse("zoe.dubois@contoso.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(added["id"], person.id.as_str());
    assert_eq!(person.display_name, "Zoë Dubois");
    assert_eq!(person.locale, Some(models::Locale::SvSe));
    assert!(!person.is_admin);
    assert_eq!(
        person.password_hash, "",
        "no password: the pass signs them in"
    );
    let mut theirs = app.browser();
    let signed_in = theirs.sign_in("zoe.dubois@contoso.example", &pass).await;
    assert_eq!(signed_in.status, StatusCode::OK);
    assert_eq!(signed_in.json()["user"]["password"], "none");
    let trail = app
        .store
        .audit_of_user(&id_of(&app, "megan@contoso.example").await)
        .await
        .unwrap();
    assert!(trail.iter().any(|(action, _, _)| action == "person-added"));
}

async fn a_person_is_added_only_with_an_account_in_the_domain_a_name_and_a_lifetime_allowed(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let existing = app.user("adele").await;
    let before = app.row_counts().await;
    let mut long_lived = adding("zoe@contoso.example", "Zoë");
    long_lived["pass"]["lifetime_minutes"] = json!(31 * 24 * 60);
    for (body, status, code, field) in [
        (
            adding("zoe@fabrikam.example", "Zoë"),
            StatusCode::BAD_REQUEST,
            "account-outside-domain",
            "account_name",
        ),
        (
            adding("zoe", "Zoë"),
            StatusCode::BAD_REQUEST,
            "account-outside-domain",
            "account_name",
        ),
        (
            adding("", "Zoë"),
            StatusCode::BAD_REQUEST,
            "account-name-required",
            "account_name",
        ),
        (
            adding("zoe@contoso.example", "   "),
            StatusCode::BAD_REQUEST,
            "display-name-required",
            "display_name",
        ),
        (
            adding("zoe@contoso.example", &"x".repeat(101)),
            StatusCode::BAD_REQUEST,
            "display-name-too-long",
            "display_name",
        ),
        (
            long_lived,
            StatusCode::BAD_REQUEST,
            "pass-lifetime-out-of-bounds",
            "lifetime",
        ),
        (
            adding(&existing, "Adele again"),
            StatusCode::CONFLICT,
            "account-exists",
            "account_name",
        ),
    ] {
        let refused = admin.post("/api/admin/people", body.clone()).await;
        assert_eq!(refused.status, status, "{body}");
        assert_eq!(refused.code(), code, "{body}");
        assert_eq!(refused.json()["field"], field, "{body}");
    }
    assert_eq!(app.row_counts().await, before, "nobody half-created");
    let mut member = app.browser();
    member.sign_in(&existing, PASSWORD).await;
    let forbidden = member
        .post("/api/admin/people", adding("zoe@contoso.example", "Zoë"))
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
}

async fn parallel_adds_of_one_account_create_one_person(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = admin_signed_in(&app).await;
    let adds = (0..10)
        .map(|_| {
            let mut admin = admin.clone();
            async move {
                admin
                    .post("/api/admin/people", adding("zoe@contoso.example", "Zoë"))
                    .await
                    .status
            }
        })
        .collect();
    let statuses = futures_join_all(adds).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CONFLICT)
            .count(),
        9
    );
    let passes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM temporary_access_passes")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(passes, 1);
}

/// A person of Contoso with `PASSWORD` and this role, signed in.
pub(crate) async fn signed_in_as(app: &TestApp, name: &str, role: models::Role) -> Browser {
    let account = format!("{name}@contoso.example");
    let hash = secinfo_server::passwords::hash(PASSWORD.into())
        .await
        .unwrap();
    insert_person(app, &account, name, &hash, role).await;
    let mut browser = app.browser();
    assert_eq!(
        browser.sign_in(&account, PASSWORD).await.status,
        StatusCode::OK
    );
    browser
}

async fn s40_the_help_desk_gives_passes_to_members_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut desk = signed_in_as(&app, "desk", models::Role::HelpDesk).await;
    let member = app.user("adele").await;
    let admin = app.admin("megan").await;
    signed_in_as(&app, "other.desk", models::Role::HelpDesk).await;
    let found = desk.post("/api/admin/people/search", json!({})).await;
    assert_eq!(found.status, StatusCode::OK, "the help desk finds people");
    for (account, allowed) in [
        (member.as_str(), true),
        (admin.as_str(), false),
        ("other.desk@contoso.example", false),
    ] {
        let id = id_of(&app, account).await;
        let page = desk.get(&format!("/api/admin/people/{id}")).await;
        assert_eq!(page.status, StatusCode::OK, "{account} is seen");
        assert_eq!(page.json()["may_act"], allowed, "{account}");
        let issued = issue(&mut desk, &id, json!({ "one_time": true })).await;
        let expected = if allowed {
            StatusCode::OK
        } else {
            StatusCode::FORBIDDEN
        };
        assert_eq!(issued.status, expected, "{account}");
        let revoked = desk
            .send(
                Method::DELETE,
                &format!("/api/admin/people/{id}/temporary-access-pass"),
                None,
                &[],
            )
            .await;
        let expected = if allowed {
            StatusCode::NO_CONTENT
        } else {
            StatusCode::FORBIDDEN
        };
        assert_eq!(revoked.status, expected, "{account}");
    }
    let passes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM temporary_access_passes")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(passes, 0, "none for an administrator or the help desk");
}

async fn s40_the_help_desk_adds_nobody_gives_no_roles_and_has_no_policy(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut desk = signed_in_as(&app, "desk", models::Role::HelpDesk).await;
    let member = id_of(&app, &app.user("adele").await).await;
    let added = desk
        .post("/api/admin/people", adding("zoe@contoso.example", "Zoë"))
        .await;
    assert_eq!(added.status, StatusCode::FORBIDDEN);
    let role = desk
        .send(
            Method::PUT,
            &format!("/api/admin/people/{member}/role"),
            Some(json!({ "role": "help-desk" })),
            &[],
        )
        .await;
    assert_eq!(role.status, StatusCode::FORBIDDEN);
    assert_eq!(
        desk.get("/api/admin/policy").await.status,
        StatusCode::FORBIDDEN
    );
}

async fn s40_roles_are_given_by_administrators_and_the_last_one_stays(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let megan = id_of(&app, "megan@contoso.example").await;
    let adele = id_of(&app, &app.user("adele").await).await;
    let set = |id: &PersonId, role: &str| {
        (
            format!("/api/admin/people/{id}/role"),
            json!({ "role": role }),
        )
    };
    let (path, body) = set(&megan, "member");
    let refused = admin.send(Method::PUT, &path, Some(body), &[]).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.code(), "last-administrator");
    assert_eq!(refused.json()["field"], "role");
    assert!(
        admin.session().await["user"]["is_admin"].as_bool().unwrap(),
        "still an administrator"
    );

    let (path, body) = set(&adele, "help-desk");
    assert_eq!(
        admin.send(Method::PUT, &path, Some(body), &[]).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        admin
            .get(&format!("/api/admin/people/{adele}"))
            .await
            .json()["role"],
        "help-desk"
    );
    let (path, body) = set(&adele, "administrator");
    assert_eq!(
        admin.send(Method::PUT, &path, Some(body), &[]).await.status,
        StatusCode::NO_CONTENT
    );
    // With two administrators, one may step down.
    let (path, body) = set(&megan, "member");
    assert_eq!(
        admin.send(Method::PUT, &path, Some(body), &[]).await.status,
        StatusCode::NO_CONTENT
    );
    let trail = app.store.audit_of_user(&megan).await.unwrap();
    assert!(trail.iter().any(|(action, _, _)| action == "role-changed"));
    // Another organization's person is not found.
    app.organization("fabrikam", &test_policy()).await;
    let stranger = id_of(&app, &app.user_of("fabrikam", "lidia", false).await).await;
    let mut adele_browser = app.browser();
    adele_browser
        .sign_in("adele@contoso.example", PASSWORD)
        .await;
    let (path, body) = set(&stranger, "administrator");
    assert_eq!(
        adele_browser
            .send(Method::PUT, &path, Some(body), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

async fn s40_two_administrators_demoting_each_other_at_once_leave_one(backend: Backend) {
    // At the statement itself, many rounds: each demotion counts the
    // administrators left in its own transaction, and only the lock on the
    // organization keeps two of them from both counting the other.
    let app = TestApp::spawn(backend).await;
    let contoso = OrganizationId::new("contoso");
    for round in 0..20 {
        let first = app.admin(&format!("first{round}")).await;
        let second = app.admin(&format!("second{round}")).await;
        // Everyone else steps down: these two are the only administrators.
        sqlx::query("UPDATE users SET is_admin = 0 WHERE account_name NOT IN ($1, $2)")
            .bind(&first)
            .bind(&second)
            .execute(app.store.pool())
            .await
            .unwrap();
        let ids = [id_of(&app, &first).await, id_of(&app, &second).await];
        let [a, b] = ids.map(|id| {
            let (store, contoso) = (app.store.clone(), contoso.clone());
            tokio::spawn(async move {
                store
                    .set_role(&contoso, &id, models::Role::Member)
                    .await
                    .unwrap()
            })
        });
        let (a, b) = tokio::join!(a, b);
        let demoted = [a.unwrap(), b.unwrap()];
        let administrators: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM users WHERE organization_id = 'contoso' AND is_admin = 1",
        )
        .fetch_one(app.store.pool())
        .await
        .unwrap();
        assert_eq!(administrators, 1, "round {round}: {demoted:?}");
        assert_eq!(demoted.iter().filter(|d| **d == Some(true)).count(), 1);
    }
    // Through the API, too: one of the two is refused.
    let mut megan = admin_signed_in(&app).await;
    let megan_id = id_of(&app, "megan@contoso.example").await;
    sqlx::query("UPDATE users SET is_admin = 0 WHERE account_name <> 'megan@contoso.example'")
        .execute(app.store.pool())
        .await
        .unwrap();
    let refused = megan
        .send(
            Method::PUT,
            &format!("/api/admin/people/{megan_id}/role"),
            Some(json!({ "role": "help-desk" })),
            &[],
        )
        .await;
    assert_eq!(refused.code(), "last-administrator");
}

/// The query plan of the People search by a word, as the database words it.
async fn plan_of_search_by_word(app: &TestApp, backend: Backend) -> String {
    let (low, high) = ("424A", "424AG");
    let mut conn = app.store.pool().acquire().await.unwrap();
    let explain = match backend {
        Backend::Sqlite => "EXPLAIN QUERY PLAN ",
        Backend::Postgres => {
            // Whether the index can answer, not whether a few rows are
            // read faster without it.
            sqlx::query("SET enable_seqscan = off")
                .execute(&mut *conn)
                .await
                .unwrap();
            "EXPLAIN "
        }
    };
    let sql = format!("{explain}{}", secinfo_server::store::SEARCH_BY_WORD);
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind("contoso")
        .bind("bj%")
        .bind("% bj%")
        .bind(25_i64)
        .bind(T0)
        .bind(0_i64)
        .bind(low)
        .bind(high)
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    use sqlx::Row;
    rows.iter()
        .map(|row| match backend {
            Backend::Sqlite => row.try_get::<String, _>("detail").unwrap(),
            Backend::Postgres => row.try_get::<String, _>(0).unwrap(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

async fn the_search_by_a_word_reads_the_words_index_on_both_databases(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for n in 0..200 {
        named(
            &app,
            &format!("p{n}@contoso.example"),
            &format!("Person {n}"),
        )
        .await;
    }
    let plan = plan_of_search_by_word(&app, backend).await;
    match backend {
        // "SEARCH w USING COVERING INDEX sqlite_autoindex_person_words_1
        // (organization_id=? AND word>? AND word<?)", then each person by
        // their key: nobody else is read.
        Backend::Sqlite => {
            assert!(
                plan.contains("SEARCH w USING COVERING INDEX sqlite_autoindex_person_words_1 (organization_id=? AND word>? AND word<?)"),
                "{plan}"
            );
            assert!(!plan.contains("SCAN u"), "{plan}");
        }
        Backend::Postgres => {
            assert!(
                plan.contains("Index Only Scan using person_words_pkey on person_words w"),
                "{plan}"
            );
            assert!(
                plan.contains("(word >= '424A'::text) AND (word < '424AG'::text)"),
                "{plan}"
            );

            assert!(!plan.contains("Seq Scan"), "{plan}");
        }
    }
}

async fn people_from_before_the_words_index_are_found_once_the_server_starts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    // As the people-search migration left them: a lower-cased key, no words.
    sqlx::query(
        "INSERT INTO users (id, organization_id, account_name, display_name, password_hash, is_admin, created_at, search_key) \
         VALUES ('old-1', 'contoso', 'bjorn@contoso.example', 'Björn Ångström', '', 0, 0, 'björn ångström bjorn@contoso.example')",
    )
    .execute(app.store.pool())
    .await
    .unwrap();
    let search = |typed: &'static str| {
        let mut admin = admin.clone();
        async move {
            admin
                .post("/api/admin/people/search", json!({ "query": typed }))
                .await
                .json()["people"]
                .as_array()
                .unwrap()
                .len()
        }
    };
    assert_eq!(search("angstrom").await, 0, "not filed yet");
    app.store.backfill_person_words().await.unwrap();
    assert_eq!(search("angstrom").await, 1);
    assert_eq!(search("Ångs").await, 1);
    assert_eq!(search("bjorn@con").await, 1);
    // Once filed, a start has nothing more to do.
    let words: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM person_words")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    app.store.backfill_person_words().await.unwrap();
    let again: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM person_words")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(words, again);
    let _ = &mut admin;
}

async fn a_renamed_person_is_found_by_their_new_name_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    named(&app, "zoe.d@contoso.example", "Zoë Dubois").await;
    let id = id_of(&app, "zoe.d@contoso.example").await;
    let renamed = admin
        .send(
            Method::PUT,
            &format!("/api/admin/people/{id}/profile"),
            Some(json!({ "display_name": "Zoë Lefèvre" })),
            &[],
        )
        .await;
    assert_eq!(renamed.status, StatusCode::NO_CONTENT);
    let count = |page: serde_json::Value| page["people"].as_array().unwrap().len();
    for (typed, expected) in [("lefevre", 1), ("dubois", 0), ("zoe", 1)] {
        let page = admin
            .post("/api/admin/people/search", json!({ "query": typed }))
            .await;
        assert_eq!(count(page.json()), expected, "{typed}");
    }
    // Deleting them takes their words too.
    let deleted = admin
        .send(
            Method::DELETE,
            &format!("/api/admin/people/{id}"),
            None,
            &[],
        )
        .await;
    assert!(deleted.status.is_success());
    let words: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM person_words WHERE user_id = $1")
        .bind(id.as_str())
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(words, 0);
}

async fn a_word_many_people_have_finds_them_in_order_a_page_at_a_time(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    // More than the words index is asked for: the people are read in order.
    for n in 0..1_010 {
        named(
            &app,
            &format!("c{n:04}@contoso.example"),
            &format!("Common Person {n:04}"),
        )
        .await;
    }
    let names = |page: &serde_json::Value| -> Vec<String> {
        page["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["display_name"].as_str().unwrap().to_owned())
            .collect()
    };
    let first = admin
        .post("/api/admin/people/search", json!({ "query": "common" }))
        .await
        .json();
    assert_eq!(names(&first).len(), models::PEOPLE_PER_PAGE);
    assert_eq!(names(&first)[0], "Common Person 0000");
    assert_eq!(first["more"], true);
    let second = admin
        .post(
            "/api/admin/people/search",
            json!({ "query": "common", "page": 1 }),
        )
        .await
        .json();
    assert_eq!(
        names(&second)[0],
        format!("Common Person {:04}", models::PEOPLE_PER_PAGE)
    );
    let one = admin
        .post(
            "/api/admin/people/search",
            json!({ "query": "common person 1005" }),
        )
        .await
        .json();
    assert_eq!(names(&one), vec!["Common Person 1005"]);
    // A rarer word of the same people goes by the index, and finds the same.
    let rare = admin
        .post("/api/admin/people/search", json!({ "query": "c1005" }))
        .await
        .json();
    assert_eq!(names(&rare), vec!["Common Person 1005"]);
}
