//! The analysis web worker (and the public JavaScript API's module). All logic lives in
//! `mailtls::worker`; this file only starts it.

fn main() {
    mailtls::worker::start();
}
