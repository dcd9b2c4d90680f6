//! Temporary skeleton app used to validate the build pipeline.
use yew::prelude::*;

/// The page.
#[function_component(App)]
pub fn app() -> Html {
    let text = use_state(String::new);
    let result = use_state(String::new);
    #[cfg(feature = "web")]
    let worker = use_memo((), |_| super::web::spawn_worker(result.setter()));
    let oninput = {
        let text = text.clone();
        #[cfg(feature = "web")]
        let worker = worker.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value();
            #[cfg(feature = "web")]
            super::web::post(&worker, &value);
            text.set(value);
        })
    };
    html! {
        <main>
            <textarea id="paste" {oninput} value={(*text).clone()} />
            <pre id="out">{ (*result).clone() }</pre>
        </main>
    }
}
