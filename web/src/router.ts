// The client's pages. The paths the API's mails link to are fixed by the API
// (`/confirmer-compte`, `/reinitialiser-mot-de-passe`, `/confirmer-email`, `/mes-documents`, …).
import { createRouter, createWebHistory } from "vue-router";

import HomePage from "./pages/HomePage.vue";
import SignInPage from "./pages/SignInPage.vue";

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: "/", component: HomePage, meta: { title: "Accueil" } },
    { path: "/connexion", component: SignInPage, meta: { title: "Connexion" } },
    {
      path: "/confirmer-compte",
      component: () => import("./pages/ConfirmAccountPage.vue"),
      meta: { title: "Activer mon compte" },
    },
    {
      path: "/mot-de-passe-oublie",
      component: () => import("./pages/ForgotPasswordPage.vue"),
      meta: { title: "Mot de passe oublié" },
    },
    {
      path: "/reinitialiser-mot-de-passe",
      component: () => import("./pages/ResetPasswordPage.vue"),
      meta: { title: "Nouveau mot de passe" },
    },
    { path: "/planning", component: () => import("./pages/PlanningPage.vue"), meta: { title: "Mon planning" } },
    { path: "/:rest(.*)*", component: () => import("./pages/NotFoundPage.vue"), meta: { title: "Page introuvable" } },
  ],
});

// Each page names itself in the tab (screen readers announce it on navigation).
router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? "")} – Portail Familles`;
});
