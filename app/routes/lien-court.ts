export function loader() {
  return new Response("En construction", { status: 501 });
}
