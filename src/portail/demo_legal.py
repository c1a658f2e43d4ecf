"""The demo town's legal pages: legal notices, accessibility statement (the official model's
structure) and privacy notice, written for the town's name and address as ``town`` gives them.

What only a town knows (its SIRET, its mayor's name, its host, its DPO, its audit) is left as a
placeholder a town cannot miss: ``[À COMPLÉTER : …]``, in bold.
"""

from __future__ import annotations

from datetime import date

from portail.resolvers.content import TownView
from portail.rules.phones import display_phone


def todo(what: str) -> str:
    """A placeholder for a fact the town fills in."""
    return f"**[À COMPLÉTER : {what}]**"


def _contact(town: TownView) -> str:
    lines = [town.name, *town.address]
    if town.phone:
        lines.append(f"Téléphone : {display_phone(town.phone)}")
    if town.email:
        lines.append(f"Courriel : [{town.email}](mailto:{town.email})")
    return "  \n".join(lines)


def _commune(town: TownView) -> str:
    """ "Ville de Séné" → "Séné" (the mayor is the commune's)."""
    for prefix in ("Ville de ", "Ville d'", "Commune de ", "Commune d'", "Mairie de ", "Mairie d'"):
        if town.name.startswith(prefix):
            return town.name[len(prefix) :]
    return town.name


def legal_notice(town: TownView, portal_url: str) -> str:
    return f"""## Éditeur

Le Portail Familles ({portal_url}) est édité par :

{_contact(town)}

Collectivité territoriale, SIRET : {todo("numéro SIRET de la commune")}.

## Directeur de la publication

{todo("Prénom NOM")}, maire de {_commune(town)}.

## Hébergement

{todo("raison sociale, adresse et téléphone de l'hébergeur du portail")}

## Conception et réalisation

Le portail repose sur le logiciel libre Portail Familles, publié sous licence MIT.

## Propriété intellectuelle

Les textes, menus et documents publiés sur ce portail appartiennent à {town.name}, sauf mention
contraire. Leur reproduction est autorisée à des fins non commerciales, sous réserve d'en citer la
source.

## Données personnelles et accessibilité

Le traitement de vos données est décrit dans la page « Données personnelles » ; l'état d'accessibilité
du portail, dans la « Déclaration d'accessibilité ».
"""


# The demo audit: its figures are the demo's, a town replaces them with its own audit's.
DEMO_AUDIT_RATE = 72.41
DEMO_AUDIT_DATE = date(2026, 10, 15)
DEMO_AUDITED_BY = "[À COMPLÉTER : organisme qui a réalisé l'audit]"


def accessibility_statement(town: TownView, portal_url: str) -> str:
    """The statement's text, after the official model (numerique.gouv.fr); its status and the audit's
    rate and date are the structured fields beside it, which the client shows above the text."""
    return f"""{town.name} s'engage à rendre ses sites internet, intranet, extranet et ses progiciels
accessibles, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.

À cette fin, elle met en œuvre la stratégie et les actions suivantes :
{todo("lien vers le schéma pluriannuel de mise en accessibilité et le plan d'action de l'année")}.

Cette déclaration d'accessibilité s'applique au Portail Familles ({portal_url}).

*Les résultats de l'audit ci-dessus (taux et date) sont ceux de la démonstration :
{todo("remplacez-les par ceux de l'audit du portail")}.*

## Contenus non accessibles

### Non-conformités

- Certaines factures au format PDF ne sont pas balisées pour les lecteurs d'écran (critère 13.3).
- Dans le calendrier des réservations, l'état de certains jours n'est donné que par la couleur
  (critère 3.1).
- Quelques messages d'erreur du formulaire « Mon foyer » ne sont pas reliés à leur champ
  (critère 11.10).

### Dérogations pour charge disproportionnée

- Les menus de la restauration scolaire antérieurs au {DEMO_AUDIT_DATE.strftime("%d/%m/%Y")}, publiés
  en images : ils sont disponibles en texte sur demande au service de la restauration scolaire.

### Contenus non soumis à l'obligation d'accessibilité

- Les documents bureautiques publiés avant le 23 septembre 2018.
- Le service de paiement en ligne PayFiP, fourni par la Direction générale des Finances publiques
  (contenu de tiers).

## Établissement de cette déclaration d'accessibilité

Cette déclaration a été établie le {DEMO_AUDIT_DATE.strftime("%d/%m/%Y")}.

### Technologies utilisées pour la réalisation du portail

HTML5, CSS, JavaScript (Vue), WAI-ARIA.

### Environnement de test

- NVDA et Firefox (Windows) ;
- JAWS et Chrome (Windows) ;
- VoiceOver et Safari (macOS, iOS).

### Outils pour évaluer l'accessibilité

Contrast-Finder, extension Web Developer, axe DevTools, inspection du code source.

### Pages du portail ayant fait l'objet de la vérification de conformité

Accueil ; Connexion ; Mon foyer ; Mes enfants ; Réserver (planning) ; Mon panier ; Mes factures ;
Mes documents ; Mes messages ; Guide utilisateur ; Mentions légales ; Déclaration d'accessibilité ;
Données personnelles.

## Retour d'information et contact

Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le service
enfance de {town.name} pour être orienté vers une alternative accessible ou obtenir le contenu sous
une autre forme :

{_contact(town)}

## Voies de recours

Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du portail un
défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un des services du portail, et vous
n'avez pas obtenu de réponse satisfaisante.

- Écrire un message au Défenseur des droits : [formulaire en ligne](https://formulaire.defenseurdesdroits.fr/)
- Contacter le délégué du Défenseur des droits dans votre région :
  [liste des délégués](https://www.defenseurdesdroits.fr/saisir/delegues)
- Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) :
  Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07
"""


# The privacy notice's purposes and their legal bases (GDPR art. 6 and 9).
PURPOSES = (
    (
        "Inscrire vos enfants aux services (restauration scolaire, accueil de loisirs, garderie) et gérer "
        "leurs réservations",
        "Mission d'intérêt public (article 6.1.e du RGPD)",
    ),
    (
        "Calculer les tarifs selon le quotient familial, facturer et encaisser les paiements",
        "Obligation légale (article 6.1.c) : comptabilité publique",
    ),
    (
        "Veiller à la santé et à la sécurité des enfants (fiche sanitaire, allergies, régime, personnes "
        "autorisées à venir les chercher)",
        "Mission d'intérêt public ; pour les données de santé, votre consentement explicite (article 9.2.a)",
    ),
    (
        "Droit à l'image et autres autorisations",
        "Votre consentement (article 6.1.a), que vous pouvez retirer à tout moment dans « Mon foyer »",
    ),
    (
        "Vous écrire (confirmations, rappels, réponses à vos messages)",
        "Mission d'intérêt public",
    ),
    (
        "Protéger le portail (connexions, tentatives de mot de passe)",
        "Obligation légale de sécurité (article 32)",
    ),
)


def _table(rows: tuple[tuple[str, str], ...]) -> str:
    lines = ["| Finalité | Base légale |", "|---|---|"]
    lines += [f"| {purpose} | {basis} |" for purpose, basis in rows]
    return "\n".join(lines)


def privacy_notice(town: TownView) -> str:
    return f"""## Responsable du traitement

La commune, représentée par son maire, est responsable des traitements du portail :

{_contact(town)}

## Délégué à la protection des données

{todo("nom ou organisme du délégué à la protection des données (par exemple le centre de gestion)")}\\
Courriel : {todo("adresse du délégué, par exemple dpo@votre-commune.fr")}

## Pourquoi nous traitons vos données, et sur quelle base

{_table(PURPOSES)}

## Les données traitées

- Responsables du foyer : identité, coordonnées, profession, situation familiale, numéro d'allocataire
  et quotient familial.
- Enfants : identité, date de naissance, école et classe, régime alimentaire, allergies, vaccinations,
  médecin traitant, projet d'accueil individualisé, personnes autorisées.
- Justificatifs que vous déposez, inscriptions, réservations, présences, factures et paiements (le
  portail ne reçoit jamais votre numéro de carte : le paiement se fait sur PayFiP, le service de la
  Direction générale des Finances publiques).
- Messages échangés avec les services, et journaux de connexion.

## Qui les reçoit

- Les agents habilités des services enfance, restauration scolaire et de la régie, chacun pour ce qui
  le concerne.
- Le comptable public (Direction générale des Finances publiques) pour les paiements.
- L'hébergeur du portail, sous-traitant tenu par contrat : {todo("raison sociale de l'hébergeur")}.

Vos données ne sont ni vendues ni cédées, et restent dans l'Union européenne.

## Combien de temps

- Votre dossier (foyer, enfants, justificatifs) : tant que vous utilisez les services, puis
  {todo("durée, par exemple un an après la dernière fréquentation")} ; il est alors anonymisé.
- Factures et paiements : dix ans, comme l'exige la comptabilité publique ; après anonymisation, ils
  sont conservés sous le nom « ANONYME », sans rien qui vous identifie.
- Journaux de connexion : un an.

## Vos droits, et comment les exercer

Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation et d'opposition, ainsi
que du droit de retirer votre consentement à tout moment.

- **Accès et portabilité** : dans « Mon profil », le bouton **Télécharger mes données** vous remet tout
  ce que le portail détient sur votre foyer (un fichier ZIP, avec vos justificatifs).
- **Rectification** : dans « Mon foyer » et « Mes enfants » ; certains changements (adresse, quotient)
  sont vérifiés par le service avant d'être appliqués.
- **Effacement** : quand votre foyer n'utilise plus les services, demandez-le au service enfance ; votre
  dossier est anonymisé (noms, adresses, téléphones, courriels, santé, documents, historique et
  messages effacés). Seules les factures et les paiements sont gardés, sans votre nom, le temps que la
  loi l'impose.
- Pour tout autre demande, écrivez au délégué à la protection des données (ci-dessus) ou au service
  enfance.

## Réclamation

Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser
une réclamation à la CNIL : [www.cnil.fr/plaintes](https://www.cnil.fr/plaintes), ou par courrier :
Commission nationale de l'informatique et des libertés, 3 place de Fontenoy, TSA 80715, 75334 Paris
Cedex 07.

## Cookies

Le portail n'utilise que les cookies nécessaires à son fonctionnement (votre session, et la
reconnaissance de votre navigateur pour protéger votre compte) : ni mesure d'audience, ni publicité.
"""
