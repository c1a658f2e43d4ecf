// The client's pages. The paths the API's mails link to are fixed by the API
// (`/confirmer-compte`, `/confirmer-inscription`, `/reinitialiser-mot-de-passe`, `/confirmer-email`, `/mes-documents`, …).
import { createRouter, createWebHistory } from "vue-router";

import HomePage from "./pages/HomePage.vue";
import SignInPage from "./pages/SignInPage.vue";

export const router = createRouter({
  history: createWebHistory(),
  // A new page opens at its top (back: where it was); the same page with another query (`/menus`'
  // weeks) or a `#section` (the guide scrolls to it once loaded) stays put.
  scrollBehavior: (to, from, saved) => saved ?? (to.path === from.path || to.hash ? false : { top: 0 }),
  routes: [
    { path: "/", component: HomePage, meta: { title: "Accueil" } },
    { path: "/connexion", component: SignInPage, meta: { title: "Connexion" } },
    { path: "/guide", component: () => import("./pages/GuidePage.vue"), meta: { title: "Guide utilisateur" } },
    { path: "/menus", component: () => import("./pages/MenusPage.vue"), meta: { title: "Restauration scolaire" } },
    // The pages the law requires, linked from every page's footer.
    {
      path: "/mentions-legales",
      component: () => import("./pages/LegalPage.vue"),
      meta: { title: "Mentions légales", legalPage: "LEGAL_NOTICE" },
    },
    {
      path: "/accessibilite",
      component: () => import("./pages/LegalPage.vue"),
      meta: { title: "Déclaration d'accessibilité", legalPage: "ACCESSIBILITY" },
    },
    {
      path: "/donnees-personnelles",
      component: () => import("./pages/LegalPage.vue"),
      meta: { title: "Données personnelles", legalPage: "PRIVACY" },
    },
    {
      path: "/confirmer-compte",
      component: () => import("./pages/ConfirmAccountPage.vue"),
      meta: { title: "Activer mon compte" },
    },
    {
      path: "/creer-un-compte",
      component: () => import("./pages/RegisterPage.vue"),
      meta: { title: "Créer un compte" },
    },
    {
      path: "/confirmer-inscription",
      component: () => import("./pages/ConfirmRegistrationPage.vue"),
      meta: { title: "Confirmer mon inscription" },
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
    { path: "/mon-profil", component: () => import("./pages/ProfilePage.vue"), meta: { title: "Mon profil" } },
    { path: "/confirmer-email", component: () => import("./pages/ConfirmEmailPage.vue"), meta: { title: "Confirmer mon adresse e-mail" } },
    { path: "/mon-foyer", component: () => import("./pages/HouseholdPage.vue"), meta: { title: "Mon foyer" } },
    { path: "/mes-enfants", component: () => import("./pages/ChildrenPage.vue"), meta: { title: "Mes enfants" } },
    { path: "/mes-enfants/:id", component: () => import("./pages/ChildPage.vue"), meta: { title: "Fiche enfant" } },
    { path: "/historique", component: () => import("./pages/HistoryPage.vue"), meta: { title: "Historique" } },
    { path: "/panier", component: () => import("./pages/BasketPage.vue"), meta: { title: "Mon panier" } },
    { path: "/paiement/retour", component: () => import("./pages/PaymentReturnPage.vue"), meta: { title: "Paiement en ligne" } },
    { path: "/factures", component: () => import("./pages/InvoicesPage.vue"), meta: { title: "Mes factures" } },
    { path: "/mes-documents", component: () => import("./pages/DocumentsPage.vue"), meta: { title: "Mes documents" } },
    { path: "/inscriptions", component: () => import("./pages/EnrolmentsPage.vue"), meta: { title: "Inscription aux services" } },
    { path: "/messages", component: () => import("./pages/MessagesPage.vue"), meta: { title: "Mes messages" } },
    { path: "/messages/:id", component: () => import("./pages/ThreadPage.vue"), meta: { title: "Message" } },
    { path: "/planning", component: () => import("./pages/PlanningPage.vue"), meta: { title: "Mon planning" } },
    { path: "/:rest(.*)*", component: () => import("./pages/NotFoundPage.vue"), meta: { title: "Page introuvable" } },
  ],
});

// Each page names itself in the tab (screen readers announce it on navigation).
router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? "")} – Portail Familles`;
});
