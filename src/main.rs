//! Mounts the Yew app. Everything else lives in the library.

fn main() {
    yew::Renderer::<mailtls::ui::app::App>::new().render();
}
