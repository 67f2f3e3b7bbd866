//! A password reset's step (S29): one of the person's methods — their
//! email address and security questions included — proves the reset, and
//! the heading says which step of how many this is.

use i18n::Args;
use leptos::prelude::*;
use models::endpoints;

use super::method_choice::{ChooseAndVerify, VerifyCard};
use crate::api;
use crate::components::actions::{FormActions, SubmitButton};
use crate::components::alert::ErrorAlert;
use crate::components::field::TextField;
use crate::components::progress::Progress;
use crate::form_submit::FormSubmit;
use crate::i18n::use_i18n;

#[component]
pub fn ResetProof(
    /// Called once the step is proved.
    on_verified: Callback<()>,
    /// Which step this is, of how many.
    step: usize,
    steps: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let intro = Signal::derive(move || {
        let mut args = Args::new();
        args.set("step", step);
        args.set("steps", steps);
        i18n.t_with("reset-verify-intro", &args)
    });
    // Security questions, once chosen, take the list's place; going back
    // finds the list as it was.
    let answering = RwSignal::new(false);
    // The page is the verification: its heading, then each step's field,
    // takes the cursor.
    view! {
        <VerifyCard title_id="reset-title" intro focus_heading=true>
            <div class="recently-verified" hidden=answering>
                <ChooseAndVerify on_verified back_label="dialog-back" moves_focus=true
                    on_questions=Callback::new(move |()| answering.set(true))/>
            </div>
            <Show when=move || answering.get()>
                <ResetQuestionsStep on_verified on_back=Callback::new(move |()| answering.set(false))/>
            </Show>
        </VerifyCard>
    }
}

/// The security questions a password reset asks (chosen by the server),
/// answered all at once.
#[component]
fn ResetQuestionsStep(on_verified: Callback<()>, on_back: Callback<()>) -> impl IntoView {
    const IDS: [&str; 5] = [
        "reset-answer-1",
        "reset-answer-2",
        "reset-answer-3",
        "reset-answer-4",
        "reset-answer-5",
    ];
    let i18n = use_i18n();
    let asked = LocalResource::new(|| api::call::<endpoints::GetResetQuestions>(&()));
    let submit_form = FormSubmit::new();
    let FormSubmit { busy, error } = submit_form;
    let form: NodeRef<leptos::html::Form> = NodeRef::new();
    // The first answer is where the person types next.
    Effect::new(move |_| {
        if let Some(form) = form.get()
            && let Ok(Some(first)) = form.query_selector("input")
            && let Ok(first) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(first)
        {
            let _ = first.focus();
        }
    });
    let general = Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|e| e.index.is_none())
                .map(|e| i18n.error(e))
        })
    });
    view! {
        <Suspense fallback=move || view! { <Progress label=Signal::derive(move || i18n.t("shell-loading"))/> }>
            {move || asked.get().map(|result| match result {
                Err(e) => view! { <ErrorAlert message=Signal::derive(move || Some(i18n.error(&e)))/> }.into_any(),
                Ok(list) => {
                    let questions: Vec<(String, Option<models::OwnQuestion>, RwSignal<String>)> = list
                        .questions
                        .into_iter()
                        .take(IDS.len())
                        .map(|q| (q.id, q.written, RwSignal::new(String::new())))
                        .collect();
                    let questions = StoredValue::new(questions);
                    let submit = move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        let answers: Vec<models::QuestionAnswer> = questions.with_value(|qs| {
                            qs.iter()
                                .map(|(id, _, answer)| models::QuestionAnswer {
                                    question: id.clone(),
                                    answer: answer.get_untracked(),
                                })
                                .collect()
                        });
                        // An empty answer needs no round trip.
                        if let Some(index) = answers.iter().position(|a| a.answer.trim().is_empty()) {
                            let mut e = models::ApiError::at(models::ErrorCode::AnswerRequired, models::Field::Answer);
                            e.index = Some(index);
                            error.set(Some(e));
                            focus_answer(form, index);
                            return;
                        }
                        let answers = models::QuestionAnswers { answers };
                        let request = async move { api::call::<endpoints::AnswerResetQuestions>(&answers).await };
                        submit_form.send_or(request, move |_| on_verified.run(()), move |e| {
                            focus_answer(form, e.index.unwrap_or(0));
                            error.set(Some(e));
                        });
                    };
                    view! {
                        <form class="form" novalidate node_ref=form on:submit=submit>
                            <p>{move || i18n.t("reset-questions-intro")}</p>
                            <ErrorAlert message=general/>
                            {questions.get_value().into_iter().enumerate().map(|(n, (id, text, answer))| {
                                let label = Signal::derive(move || match &text {
                                    Some(written) => crate::features::methods::questions::own_question(&i18n, written),
                                    None => i18n.t(&format!("question-{id}")),
                                });
                                let at = Signal::derive(move || error.with(|e| {
                                    e.as_ref().filter(|e| e.index == Some(n)).map(|e| i18n.error(e))
                                }));
                                view! { <TextField id=IDS[n] label value=answer error=at autocomplete="off"/> }
                            }).collect_view()}
                            <FormActions back=i18n.text("dialog-back") on_back>
                                <SubmitButton label=i18n.text("step-up-verify") busy/>
                            </FormActions>
                        </form>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}

/// Puts the cursor in the n-th answer.
fn focus_answer(form: NodeRef<leptos::html::Form>, index: usize) {
    if let Some(form) = form.get_untracked()
        && let Ok(inputs) = form.query_selector_all("input")
        && let Ok(index) = u32::try_from(index)
        && let Some(input) = inputs.item(index)
        && let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input)
    {
        let _ = input.focus();
    }
}
