import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { mockGraphQL } from "../test/graphql";
import { renderWithProviders } from "../test/render";
import { type DesignProof, DesignApprovalPanel } from "./DesignApprovalPanel";

function proof(patch: Partial<DesignProof> = {}): DesignProof {
  return {
    id: "RGVzaWduUHJvb2Y6MQ==", version: 1, stage: "CONFIRMED", stageLabel: "Design confirmed", status: "CHANGES_REQUESTED",
    note: "Mock-up depan", comment: "Tulisan lebih besar", fileName: "mockup.png", contentType: "image/png",
    url: "/openorder/design-proofs/x/", createdAt: "2026-12-01T03:00:00+00:00", answeredAt: "2026-12-01T04:00:00+00:00",
    ...patch,
  };
}

const props = {
  jobId: "UHJvZHVjdGlvbkpvYjox",
  approvalStage: "CONFIRMED",
  stageLabel: "Design confirmed",
  orderNumber: "7",
};

describe("design approval on the job page", () => {
  it("lists the rounds newest first with the buyer's request, and sends a new round", async () => {
    const onSent = vi.fn();
    const sent = mockGraphQL({
      ProductionProofUpload: () => ({ productionProofUpload: { job: { id: props.jobId }, openOrderErrors: [] } }),
    });
    renderWithProviders(<DesignApprovalPanel {...props} canSend proofs={[proof()]} onSent={onSent} />);
    const panel = screen.getByTestId("design-approval");
    expect(panel.getAttribute("data-approved")).toBe("false");
    expect(within(panel).getByTestId("approval-state").textContent).toBe("Waits for the buyer's approval before leaving “Design confirmed”");
    expect(within(panel).getByTestId("buyer-comment").textContent).toBe("The buyer asked: Tulisan lebih besar");
    const button = within(panel).getByRole("button", { name: "Send a new round" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const file = new File([new Uint8Array([137, 80, 78, 71])], "revisi.png", { type: "image/png" });
    fireEvent.change(panel.querySelector('input[type="file"]')!, { target: { files: [file] } });
    fireEvent.change(within(panel).getByLabelText("Note to the buyer"), { target: { value: "Revisi 1" } });
    fireEvent.click(button);
    expect((await screen.findByTestId("design-feedback")).textContent).toBe("Sent: the buyer is e-mailed to approve it.");
    const call = sent.find((r) => r.operation === "ProductionProofUpload");
    expect(call?.variables).toEqual({ jobId: props.jobId, note: "Revisi 1", file: null });
    await waitFor(() => expect(onSent).toHaveBeenCalledWith({ id: props.jobId }));
  });

  it("says when the buyer approved, in Indonesian, and offers no form past the stage", () => {
    renderWithProviders(
      <DesignApprovalPanel {...props} canSend={false} proofs={[proof(), proof({ id: "RGVzaWduUHJvb2Y6Mg==", version: 2, status: "APPROVED", comment: null })]} onSent={() => {}} />,
      { language: "id" },
    );
    const panel = screen.getByTestId("design-approval");
    expect(panel.getAttribute("data-approved")).toBe("true");
    expect(within(panel).getByTestId("approval-state").textContent).toBe("Sudah di-ACC pembeli");
    const rounds = within(panel).getAllByTestId("design-proof");
    expect(rounds.map((r) => r.getAttribute("data-version"))).toEqual(["2", "1"]);
    expect(within(panel).queryByTestId("send-design-proof")).toBeNull();
  });
});
