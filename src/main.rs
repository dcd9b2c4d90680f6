//! The page's entry point: mounts the Yew app. Everything else lives in the library.

fn main() {
    mailtls::ui::web::mount();
}
