//! People from a CSV file (S44): a preview creates nobody, a mixed file
//! creates exactly its good rows, a file that is not one is refused whole
//! with its line, a huge upload is refused before it is read, and imports
//! at once create each person once.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};

use crate::helpers::{Backend, Browser, TestApp, futures_join_all};
use crate::people::{admin_signed_in, signed_in_as};

crate::on_both_backends!(
    s44_a_preview_creates_nobody_and_says_what_each_row_would_become,
    s44_a_mixed_import_creates_exactly_the_good_rows,
    s44_a_file_that_is_not_one_of_people_is_refused_whole_at_its_line,
    s44_a_50_mb_upload_is_refused_before_it_is_read,
    s44_ten_thousand_rows_go_through_in_one_import,
    s44_parallel_imports_of_one_file_create_each_person_once,
    s44_only_an_administrator_imports,
);

async fn import(browser: &mut Browser, file: &str, step: &str) -> crate::helpers::Response {
    browser
        .post(
            "/api/admin/people/import",
            json!({ "file": file, "step": step }),
        )
        .await
}

async fn report(browser: &mut Browser, file: &str, step: &str) -> Vec<Value> {
    let answer = import(browser, file, step).await;
    assert_eq!(
        answer.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    answer.json()["rows"].as_array().unwrap().clone()
}

async fn people_count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(app.store.pool())
        .await
        .unwrap()
}

/// What each row became: its line, and `ready`, `created`, `invited` or
/// the refusal's code and column.
fn outcomes(rows: &[Value]) -> Vec<(u64, String)> {
    rows.iter()
        .map(|row| {
            let what = match row["outcome"].as_str().unwrap() {
                "refused" => format!(
                    "{} at {}",
                    row["code"].as_str().unwrap(),
                    row["column"].as_str().unwrap_or("the line")
                ),
                "created" if row["invited"] == true => "invited".to_owned(),
                other => other.to_owned(),
            };
            (row["line"].as_u64().unwrap(), what)
        })
        .collect()
}

/// Good rows, and one of every way a row goes wrong.
const MIXED: &str = "\u{feff}Account,Display name,Language,Email\r\n\
    zoe@contoso.example,Zoë Dubois,nl,zoe.private@fabrikam.example\r\n\
    lars@fabrikam.example,Lars Outside,,\r\n\
    not an account,Nobody,,\r\n\
    megan@contoso.example,Megan Again,,\r\n\
    \"Vance, Adele\",\"=HYPERLINK(\"\"http://x\"\")\",,\r\n\
    ana@contoso.example,,sv-SE,\r\n\
    ana@contoso.example,Ana Ruiz,sv-SE,\r\n\
    bo@contoso.example,Bo,de,\r\n\
    cy@contoso.example,Cy,en,not-an-address\r\n\
    dee@contoso.example,Dee,en\r\n\
    zoe@contoso.example,Zoë Twice,,\r\n\
    \r\n\
    eve@contoso.example,\"Eve \"\"E\"\" Ek\",EN-gb,\r\n";

fn mixed_expected(good: &str) -> Vec<(u64, String)> {
    vec![
        (2, if good == "ready" { "ready" } else { "invited" }.into()),
        (3, "account-outside-domain at account".into()),
        (4, "invalid-account-name at account".into()),
        (5, "account-exists at account".into()),
        (6, "invalid-account-name at account".into()),
        (7, "display-name-required at display-name".into()),
        (8, good.into()),
        (9, "invalid-locale at language".into()),
        (10, "invalid-email at email".into()),
        (11, "import-cell-count at the line".into()),
        (12, "import-duplicate-row at account".into()),
        (14, good.into()),
    ]
}

async fn s44_a_preview_creates_nobody_and_says_what_each_row_would_become(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let before = people_count(&app).await;
    let rows = report(&mut admin, MIXED, "preview").await;
    assert_eq!(outcomes(&rows), mixed_expected("ready"));
    assert_eq!(people_count(&app).await, before, "a preview creates nobody");
    assert!(
        app.store
            .mailbox("zoe.private@fabrikam.example")
            .await
            .unwrap()
            .is_empty(),
        "and invites nobody"
    );
    // What was read is shown as read: the language as understood.
    assert_eq!(rows[0]["language"], "nl-NL");
    assert_eq!(rows[11]["language"], "en");
    assert_eq!(rows[11]["display_name"], "Eve \"E\" Ek");
}

async fn s44_a_mixed_import_creates_exactly_the_good_rows(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let before = people_count(&app).await;
    let rows = report(&mut admin, MIXED, "create").await;
    assert_eq!(outcomes(&rows), mixed_expected("created"));
    assert_eq!(people_count(&app).await, before + 3);
    let created: Vec<(String, String, Option<String>, String)> = sqlx::query_as(
        "SELECT account_name, display_name, locale, password_hash FROM users \
         WHERE account_name IN ('zoe@contoso.example', 'ana@contoso.example', 'eve@contoso.example') \
         ORDER BY account_name",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    assert_eq!(
        created,
        vec![
            (
                "ana@contoso.example".into(),
                "Ana Ruiz".into(),
                Some("sv-SE".into()),
                String::new()
            ),
            (
                "eve@contoso.example".into(),
                "Eve \"E\" Ek".into(),
                Some("en".into()),
                String::new()
            ),
            (
                "zoe@contoso.example".into(),
                "Zoë Dubois".into(),
                Some("nl-NL".into()),
                String::new()
            ),
        ]
    );
    // Zoë's invitation, in her language; each creation in the audit with
    // who made it.
    let inbox = app
        .store
        .mailbox("zoe.private@fabrikam.example")
        .await
        .unwrap();
    assert_eq!(inbox.len(), 1);
    assert!(
        inbox[0].body.contains("Hallo Zoë Dubois"),
        "{}",
        inbox[0].body
    );
    let added: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit a JOIN users u ON u.id = a.user_id \
         WHERE a.action = 'person-added' AND u.account_name = 'megan@contoso.example' \
         AND a.subject_id IS NOT NULL",
    )
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    assert_eq!(added, 3);
    // The same file again creates nobody more: each good row is taken now.
    let again = report(&mut admin, MIXED, "create").await;
    assert_eq!(
        outcomes(&again)
            .into_iter()
            .filter(|(_, what)| what == "created" || what == "invited")
            .count(),
        0
    );
    assert_eq!(people_count(&app).await, before + 3);
}

async fn s44_a_file_that_is_not_one_of_people_is_refused_whole_at_its_line(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let before = people_count(&app).await;
    let too_many = {
        let mut file = String::from("account,display_name\n");
        for n in 0..=models::IMPORT_MAX_ROWS {
            file.push_str(&format!("p{n}@contoso.example,Person {n}\n"));
        }
        file
    };
    let cases: Vec<(String, &str, Option<u64>)> = vec![
        ("".into(), "import-empty", None),
        ("account,display_name\r\n".into(), "import-empty", None),
        ("account,display_name\n\n\n".into(), "import-empty", None),
        (
            "account,display_name\na@contoso.example,A\nb@contoso.example,\"B\nc@contoso.example,C\n"
                .into(),
            "import-malformed",
            Some(3),
        ),
        (
            "account,display_name\na@contoso.example,A \"the\" one\n".into(),
            "import-malformed",
            Some(2),
        ),
        (
            "account,display_name,phone\na@contoso.example,A,+31\n".into(),
            "import-unknown-column",
            Some(1),
        ),
        (
            "account,name\na@contoso.example,A\n".into(),
            "import-unknown-column",
            Some(1),
        ),
        (
            "account,email\na@contoso.example,a@fabrikam.example\n".into(),
            "import-missing-column",
            Some(1),
        ),
        (
            "account,display_name,Account\na,b,c\n".into(),
            "import-repeated-column",
            Some(1),
        ),
        (too_many, "import-too-many-rows", None),
    ];
    for (file, code, line) in cases {
        let answer = import(&mut admin, &file, "create").await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{code}");
        let error = answer.json();
        assert_eq!(error["code"], code, "{file:.80}");
        assert_eq!(error["field"], "import_file");
        assert_eq!(error["index"].as_u64(), line, "{code}");
    }
    assert_eq!(people_count(&app).await, before, "nothing created");
}

/// A body of `total` bytes in 1 MB pieces that counts how many were read.
struct Counted {
    left: usize,
    read: Arc<AtomicUsize>,
}

impl http_body::Body for Counted {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        const PIECE: usize = 1024 * 1024;
        if self.left == 0 {
            return Poll::Ready(None);
        }
        let piece = PIECE.min(self.left);
        self.left -= piece;
        self.read.fetch_add(piece, Ordering::SeqCst);
        Poll::Ready(Some(Ok(http_body::Frame::data(Bytes::from(vec![
            b' ';
            piece
        ])))))
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.left as u64)
    }
}

async fn s44_a_50_mb_upload_is_refused_before_it_is_read(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let total = 50 * 1024 * 1024;
    let read = Arc::new(AtomicUsize::new(0));
    let cookie = admin
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/admin/people/import")
        .header(header::COOKIE, cookie)
        .header(header::ORIGIN, crate::helpers::ORIGIN)
        .header("x-csrf-token", admin.csrf.clone().unwrap())
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, total.to_string())
        .body(Body::new(Counted {
            left: total,
            read: read.clone(),
        }))
        .unwrap();
    let answer = admin.dispatch(request).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.json()["code"], "payload-too-large");
    let read = read.load(Ordering::SeqCst);
    assert!(
        read <= models::IMPORT_MAX_BYTES + 1024 * 1024,
        "{read} bytes read of {total}"
    );
    // A file within the limit is taken, though larger than other requests.
    let mut file = String::from("account,display_name\n");
    while file.len() < 200 * 1024 {
        let n = file.len();
        file.push_str(&format!("p{n}@contoso.example,Person {n}\n"));
    }
    assert_eq!(
        import(&mut admin, &file, "preview").await.status,
        StatusCode::OK
    );
}

async fn s44_ten_thousand_rows_go_through_in_one_import(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = admin_signed_in(&app).await;
    let before = people_count(&app).await;
    let mut file = String::from("account;display_name;language\n");
    for n in 0..models::IMPORT_MAX_ROWS {
        file.push_str(&format!(
            "person.{n}@contoso.example;Persoon {n}, Afdeling {};nl-NL\n",
            n % 40
        ));
    }
    let started = std::time::Instant::now();
    let rows = report(&mut admin, &file, "create").await;
    eprintln!(
        "{backend:?}: {} rows imported in {:?}",
        rows.len(),
        started.elapsed()
    );
    assert_eq!(rows.len(), models::IMPORT_MAX_ROWS);
    assert!(rows.iter().all(|row| row["outcome"] == "created"));
    assert_eq!(
        people_count(&app).await,
        before + models::IMPORT_MAX_ROWS as i64
    );
    // Found by the People page's search, as anybody added one by one.
    let found = admin
        .post(
            "/api/admin/people/search",
            json!({ "query": "person.9999", "page": 0 }),
        )
        .await
        .json();
    assert_eq!(
        found["people"][0]["display_name"],
        "Persoon 9999, Afdeling 39"
    );
}

async fn s44_parallel_imports_of_one_file_create_each_person_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = admin_signed_in(&app).await;
    let before = people_count(&app).await;
    let mut file = String::from("account,display_name\n");
    for n in 0..50 {
        file.push_str(&format!("p{n}@contoso.example,Person {n}\n"));
    }
    let imports = (0..5)
        .map(|_| {
            let mut admin = admin.clone();
            let file = file.clone();
            async move { report(&mut admin, &file, "create").await }
        })
        .collect();
    let reports = futures_join_all(imports).await;
    let created: usize = reports
        .iter()
        .flatten()
        .filter(|row| row["outcome"] == "created")
        .count();
    let taken = reports
        .iter()
        .flatten()
        .filter(|row| row["code"] == "account-exists")
        .count();
    assert_eq!(created, 50, "each person created by one import");
    assert_eq!(taken, 4 * 50, "and refused as taken by the others");
    assert_eq!(people_count(&app).await, before + 50);
}

async fn s44_only_an_administrator_imports(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let file = "account,display_name\nzoe@contoso.example,Zoë\n";
    for role in [models::Role::HelpDesk, models::Role::Member] {
        let name = format!("{role:?}").to_lowercase();
        let mut browser = signed_in_as(&app, &name, role).await;
        for step in ["preview", "create"] {
            let answer = import(&mut browser, file, step).await;
            assert_eq!(answer.status, StatusCode::FORBIDDEN, "{role:?} {step}");
        }
    }
    let mut anonymous = app.browser();
    anonymous.session().await;
    assert_eq!(
        import(&mut anonymous, file, "preview").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert!(
        app.store
            .user_by_account_name(&models::AccountName::parse("zoe@contoso.example").unwrap())
            .await
            .unwrap()
            .is_none()
    );
}
