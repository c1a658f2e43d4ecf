// Pages for a signed-in family: who is signed in, and the way to the sign-in page (coming back
// here after it, `suite`) once the API has said that nobody is.
import { computed, watchEffect } from "vue";
import { useQuery } from "@urql/vue";
import { useRoute, useRouter } from "vue-router";

import { ViewerDocument } from "./gql/graphql";

export function useSignedInFamily(path: string) {
  const router = useRouter();
  const result = useQuery({ query: ViewerDocument });
  const viewer = computed(() => result.data.value?.viewer ?? null);
  watchEffect(() => {
    if (!result.fetching.value && !result.stale.value && result.data.value && !result.data.value.viewer) {
      void router.replace({ path: "/connexion", query: { suite: path } });
    }
  });
  return { viewerResult: result, viewer };
}

/** The same, coming back to the page's own address (its query included). */
export function requireSignedIn(): void {
  useSignedInFamily(useRoute().fullPath);
}
