/**
 * The outline index.html draws while the app's code loads (its top bar, navigation column, moving bar and the page's
 * title and description), kept as the page came with it. The app draws it again until its first page is ready, so
 * the outline never gives way to a blank page or a spinner in between.
 */
const outline = document.getElementById('root')?.innerHTML ?? '';

export function FirstView() {
  return <div dangerouslySetInnerHTML={{ __html: outline }} />;
}
