using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Pcap;

/// <summary>Turns one captured frame into a flow event: link layer, then IP, then transport.</summary>
internal static class PacketDecoder
{
    public static DecodeStatus Decode(in CapturedPacket packet, ref FlowEvent flowEvent, out DecodeFailure failure)
    {
        var frame = packet.Data.Span;
        var status = LinkLayerDecoder.Decode(packet.LinkType, frame, out var ipOffset, out var ipVersion, out failure);
        if (status != DecodeStatus.Decoded)
        {
            return status;
        }

        status = IpDecoder.Decode(frame, ipOffset, ipVersion, packet.Snapped, ref flowEvent, out var transportOffset, out var transportLength, out failure);
        if (status != DecodeStatus.Decoded)
        {
            return status;
        }

        return TransportDecoder.Decode(frame, transportOffset, transportLength, ref flowEvent, out failure);
    }
}
