import { createApp } from "vue";
import urql from "@urql/vue";

import App from "./App.vue";
import { client } from "./client";
import { router } from "./router";
import "./styles.css";

createApp(App).use(urql, client).use(router).mount("#app");
