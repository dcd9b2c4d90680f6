// Starts the mailtls analysis worker: loads the wasm-bindgen glue, then its WebAssembly, whose
// start function installs the message handler and posts {"ready":true}.
// A failed load is rethrown outside the promise so that the page's Worker `error` event fires
// and the page can say so (a rejected promise alone would leave it waiting).
importScripts("./mailtls-worker.js");
wasm_bindgen({ module_or_path: "./mailtls-worker_bg.wasm" }).catch(function (error) {
  setTimeout(function () {
    throw error;
  });
});
