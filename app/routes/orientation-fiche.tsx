export default function EnConstruction() {
  return <p>En construction.</p>;
}
