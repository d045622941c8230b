import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, webApi } from "@slack/bolt";
import type { Lang } from "../../../core/answer.js";
import type { CatalogProvider } from "../../../core/catalog/catalog.js";
import { homeDataFromCatalog, renderHomeView } from "../../../render/slack/home.js";
import type { Answering } from "../answering.js";
import { describe } from "../deliver.js";

/**
 * Publishes the Home tab in a language. The language is kept in the view's private_metadata, so the next
 * app_home_opened shows the tab as the person left it, with no store of our own.
 */
export async function publishHome(
  client: webApi.WebClient,
  userId: string,
  lang: Lang,
  answering: Answering,
  catalog: CatalogProvider,
): Promise<void> {
  const examples = { en: examplesIn("en", answering), zh: examplesIn("zh", answering) };
  const view = renderHomeView(lang, homeDataFromCatalog(catalog.current(), examples));
  await client.views.publish({ user_id: userId, view: { ...view, private_metadata: lang } });
}

function examplesIn(lang: Lang, answering: Answering): readonly string[] {
  const help = answering.answerFor({ type: "help", lang });
  return help?.intent === "help" ? help.examples : [];
}

export const onHomeOpened =
  (answering: Answering, catalog: CatalogProvider) =>
  async ({ event, client, logger }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    const lang: Lang = event.view?.private_metadata === "zh" ? "zh" : "en";
    try {
      await publishHome(client, event.user, lang, answering, catalog);
    } catch (error) {
      logger.error(`paas-bot: could not publish the Home tab: ${describe(error)}`);
    }
  };
